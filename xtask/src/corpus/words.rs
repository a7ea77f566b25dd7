//! The vocabulary of the synthetic corpus: entities, measures, publishers and sentence frames.
//!
//! Names are real actors in China's technology sectors (most are in the extractor's gazetteer,
//! some deliberately are not, so context rules get exercised too). Figures are invented: each
//! measure has a plausible 2015 level and a yearly trend, and every article draws its own noisy
//! reading of it, so the same measure appears in many articles with different values and years.

/// The sectors an article can be about. Indices into this list tag measures and companies.
pub const SECTORS: &[&str] = &[
    "artificial intelligence",
    "semiconductors",
    "telecoms",
    "electric vehicles",
    "e-commerce",
    "green energy",
    "biotech",
    "robotics",
    "fintech",
    "the digital economy",
    "aerospace",
    "quantum computing",
    "agritech",
];

pub const AI: usize = 0;
pub const CHIPS: usize = 1;
pub const TELECOMS: usize = 2;
pub const EV: usize = 3;
pub const ECOM: usize = 4;
pub const GREEN: usize = 5;
pub const BIO: usize = 6;
pub const ROBOTS: usize = 7;
pub const FINTECH: usize = 8;
pub const DIGITAL: usize = 9;
pub const AERO: usize = 10;
pub const QUANTUM: usize = 11;
pub const AGRI: usize = 12;

/// Companies and the sector each is best known for.
pub const COMPANIES: &[(&str, usize)] = &[
    ("Baidu", AI),
    ("iFlytek", AI),
    ("SenseTime", AI),
    ("Megvii", AI),
    ("DeepSeek", AI),
    ("Moonshot AI", AI),
    ("Zhipu AI", AI),
    ("MiniMax", AI),
    ("Cambricon", CHIPS),
    ("SMIC", CHIPS),
    ("Hua Hong", CHIPS),
    ("YMTC", CHIPS),
    ("CXMT", CHIPS),
    ("Naura", CHIPS),
    ("Hygon", CHIPS),
    ("Moore Threads", CHIPS),
    ("Biren Technology", CHIPS),
    ("Huawei", TELECOMS),
    ("ZTE", TELECOMS),
    ("China Mobile", TELECOMS),
    ("China Telecom", TELECOMS),
    ("China Unicom", TELECOMS),
    ("BYD", EV),
    ("NIO", EV),
    ("Xpeng", EV),
    ("Li Auto", EV),
    ("Geely", EV),
    ("SAIC Motor", EV),
    ("Leapmotor", EV),
    ("CATL", EV),
    ("Tesla", EV),
    ("Alibaba", ECOM),
    ("JD.com", ECOM),
    ("Pinduoduo", ECOM),
    ("Meituan", ECOM),
    ("ByteDance", ECOM),
    ("Kuaishou", ECOM),
    ("Tencent", ECOM),
    ("LONGi", GREEN),
    ("Trina Solar", GREEN),
    ("JinkoSolar", GREEN),
    ("Goldwind", GREEN),
    ("BeiGene", BIO),
    ("WuXi AppTec", BIO),
    ("Hengrui Medicine", BIO),
    ("Unitree", ROBOTS),
    ("UBTech", ROBOTS),
    ("Siasun", ROBOTS),
    ("Estun Automation", ROBOTS),
    ("Ant Group", FINTECH),
    ("WeBank", FINTECH),
    ("Lufax", FINTECH),
    ("Alibaba Cloud", DIGITAL),
    ("Xiaomi", DIGITAL),
    ("Lenovo", DIGITAL),
    ("Inspur", DIGITAL),
    ("DJI", AERO),
    ("LandSpace", AERO),
    ("COMAC", AERO),
    ("Origin Quantum", QUANTUM),
    ("QuantumCTek", QUANTUM),
    ("Syngenta", AGRI),
    ("XAG", AGRI),
];

/// People, with the role a sentence can give them.
pub const PEOPLE: &[(&str, &str)] = &[
    ("Xi Jinping", "President"),
    ("Li Qiang", "Premier"),
    ("Jack Ma", "Alibaba co-founder"),
    ("Lei Jun", "Xiaomi founder"),
    ("Ren Zhengfei", "Huawei founder"),
    ("Pony Ma", "Tencent chief executive"),
    ("Robin Li", "Baidu chief executive"),
    ("Wang Chuanfu", "BYD chairman"),
    ("Zeng Yuqun", "CATL chairman"),
    ("Liang Wenfeng", "DeepSeek founder"),
    ("William Li", "NIO founder"),
    ("He Xiaopeng", "Xpeng chief executive"),
    ("Zhang Yiming", "ByteDance co-founder"),
    ("Wang Xing", "Meituan chief executive"),
    ("Eddie Wu", "Alibaba chief executive"),
    ("Joe Tsai", "Alibaba chairman"),
    ("Wang Xiaochuan", "Baichuan founder"),
    ("Yang Zhilin", "Moonshot AI founder"),
    ("Wang Xingxing", "Unitree founder"),
    ("Zhong Huijuan", "Hansoh Pharma chair"),
    ("Liu He", "former Vice-Premier"),
    ("Jin Zhuanglong", "industry minister"),
];

/// Places, Chinese and abroad.
pub const PLACES: &[&str] = &[
    "Beijing",
    "Shanghai",
    "Shenzhen",
    "Guangzhou",
    "Hangzhou",
    "Chengdu",
    "Wuhan",
    "Hefei",
    "Xi'an",
    "Nanjing",
    "Suzhou",
    "Tianjin",
    "Chongqing",
    "Guangdong",
    "Zhejiang",
    "Jiangsu",
    "Anhui",
    "Hainan",
    "Guizhou",
    "Hong Kong",
    "the Greater Bay Area",
    "the Yangtze River Delta",
    "Zhongguancun",
    "Europe",
    "Germany",
    "Hungary",
    "Southeast Asia",
    "Indonesia",
    "Brazil",
    "Saudi Arabia",
    "Israel",
    "Japan",
    "South Korea",
    "the United States",
    "Singapore",
    "Mexico",
];

/// Bodies that publish data or make policy.
pub const ORGS: &[&str] = &[
    "the Ministry of Commerce",
    "the Ministry of Industry and Information Technology",
    "the Ministry of Science and Technology",
    "the National Development and Reform Commission",
    "the National Bureau of Statistics",
    "the Cyberspace Administration of China",
    "the People's Bank of China",
    "the State Council",
    "the China Securities Regulatory Commission",
    "the China Academy of Information and Communications Technology",
    "the China Association of Automobile Manufacturers",
    "the China Passenger Car Association",
    "the Chinese Academy of Sciences",
    "Tsinghua University",
    "Peking University",
    "the Hurun Research Institute",
    "the Semiconductor Industry Association",
    "the European Commission",
    "the World Trade Organization",
    "Counterpoint Research",
    "Canalys",
    "IDC",
    "Goldman Sachs",
    "Morgan Stanley",
    "the International Federation of Robotics",
    "the China Electricity Council",
];

/// Programmes and policies.
pub const PROGRAMMES: &[&str] = &[
    "Made in China 2025",
    "the Belt and Road Initiative",
    "the 14th Five-Year Plan",
    "the 15th Five-Year Plan",
    "the AI Development Plan",
    "Digital China",
    "East Data West Computing",
    "the Big Fund",
    "the Thousand Talents Program",
    "Healthy China 2030",
    "the dual circulation strategy",
    "the new infrastructure push",
];

/// Publishers, for metadata and the odd attribution.
pub const PUBLISHERS: &[&str] = &[
    "Caixin Global",
    "South China Morning Post",
    "TechNode",
    "Nikkei Asia",
    "Reuters",
    "Bloomberg",
    "Financial Times",
    "The Wall Street Journal",
    "Xinhua",
    "China Daily",
    "Sixth Tone",
    "Rest of World",
    "KrASIA",
    "Pandaily",
    "Yicai Global",
    "The Economist",
    "36Kr",
    "Global Times",
    "CGTN",
    "The Diplomat",
    "MERICS",
    "ORU",
];

/// Given names and family names for bylines.
pub const GIVEN: &[&str] = &[
    "Wei", "Jing", "Min", "Hui", "Lei", "Yan", "Tao", "Fang", "Xin", "Jun", "Ling", "Hao", "Mei",
    "Sarah", "James", "Anna", "David", "Laura", "Tom", "Ellen", "Mark", "Nina", "Paul", "Claire",
];
pub const FAMILY: &[&str] = &[
    "Chen", "Wang", "Li", "Zhang", "Liu", "Yang", "Huang", "Zhao", "Zhou", "Wu", "Xu", "Sun", "Ma",
    "Hu", "Guo", "Lin", "Smith", "Becker", "Rossi", "Tanaka", "Kim", "Novak", "Martin", "Cohen",
    "Evans",
];

/// Units a measure is read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measured {
    /// A count of things.
    Count,
    /// Money in the ISO currency given.
    Money(&'static str),
    /// A percentage level (share, rate); its trend is additive, in points per year.
    Percent,
}

/// A quantity that articles report, again and again, with different values and years.
pub struct Measure {
    /// Who or what it is about, as a sentence would name it.
    pub subject: &'static str,
    /// What changes, for "{subject}'s {what} rose 12%".
    pub what: &'static str,
    /// The clause stating its level: `{s}` is the subject, `{v}` the figure.
    pub level: &'static str,
    pub unit: Measured,
    pub sector: usize,
    /// The first year the measure exists.
    pub from: i32,
    /// Its level in `from`.
    pub base: f64,
    /// Yearly trend: a growth factor minus one, or points per year for percentages.
    pub trend: f64,
}

// One positional call per row keeps the table below readable as a table.
#[allow(clippy::too_many_arguments)]
const fn m(
    subject: &'static str,
    what: &'static str,
    level: &'static str,
    unit: Measured,
    sector: usize,
    from: i32,
    base: f64,
    trend: f64,
) -> Measure {
    Measure {
        subject,
        what,
        level,
        unit,
        sector,
        from,
        base,
        trend,
    }
}

use Measured::{Count, Money, Percent};

// One row per measure: subject, what, level clause, unit, sector, first year, level then, trend.
#[rustfmt::skip]
pub const MEASURES: &[Measure] = &[
    m("China", "AI industry", "{s}'s core AI industry was worth {v}", Money("CNY"), AI, 2017, 70e9, 0.3),
    m("China", "AI investment", "investors put {v} into AI start-ups in {s}", Money("USD"), AI, 2015, 2.6e9, 0.25),
    m("Baidu", "Apollo robotaxi rides", "{s} provided {v} robotaxi rides", Count, AI, 2019, 100e3, 0.9),
    m("iFlytek", "revenue", "{s} reported revenue of {v}", Money("CNY"), AI, 2015, 2.5e9, 0.22),
    m("SenseTime", "revenue", "{s} booked revenue of {v}", Money("CNY"), AI, 2017, 1.0e9, 0.25),
    m("China", "AI companies", "{s} was home to {v} AI companies", Count, AI, 2015, 1_000.0, 0.18),
    m("China", "generative AI users", "{s} counted {v} users of generative AI services", Count, AI, 2023, 100e6, 1.2),
    m("SMIC", "revenue", "{s} earned revenue of {v}", Money("USD"), CHIPS, 2015, 2.2e9, 0.15),
    m("China", "chip imports", "{s} imported {v} worth of chips", Money("USD"), CHIPS, 2015, 230e9, 0.07),
    m("China", "integrated circuit output", "{s} produced {v} integrated circuits", Count, CHIPS, 2015, 1.1e11, 0.14),
    m("China", "chip self-sufficiency rate", "{s}'s chip self-sufficiency rate stood at {v}", Percent, CHIPS, 2015, 14.0, 1.4),
    m("the Big Fund", "fundraising", "{s} raised {v} for chipmakers", Money("CNY"), CHIPS, 2015, 139e9, 0.12),
    m("China", "chip equipment imports from Japan", "{s} bought {v} of chipmaking tools from Japan", Money("JPY"), CHIPS, 2015, 600e9, 0.15),
    m("China", "5G base stations", "{s} had built {v} 5G base stations", Count, TELECOMS, 2019, 130e3, 0.9),
    m("China Mobile", "5G subscribers", "{s} signed up {v} 5G subscribers", Count, TELECOMS, 2019, 30e6, 0.6),
    m("Huawei", "revenue", "{s} reported revenue of {v}", Money("CNY"), TELECOMS, 2015, 395e9, 0.06),
    m("Huawei", "European revenue", "{s} took in {v} in Europe", Money("EUR"), TELECOMS, 2015, 13e9, 0.02),
    m("ZTE", "revenue", "{s} posted revenue of {v}", Money("CNY"), TELECOMS, 2015, 100e9, 0.05),
    m("China", "internet users", "{s} had {v} internet users", Count, TELECOMS, 2015, 688e6, 0.035),
    m("China", "new energy vehicle sales", "{s} sold {v} new energy vehicles", Count, EV, 2015, 330e3, 0.45),
    m("BYD", "vehicle sales", "{s} sold {v} vehicles", Count, EV, 2015, 440e3, 0.25),
    m("NIO", "deliveries", "{s} delivered {v} cars", Count, EV, 2018, 11e3, 0.6),
    m("Xpeng", "deliveries", "{s} delivered {v} vehicles", Count, EV, 2019, 16e3, 0.55),
    m("Li Auto", "deliveries", "{s} handed over {v} cars", Count, EV, 2020, 33e3, 0.9),
    m("China", "electric vehicle share of new car sales", "electric cars made up {v} of new car sales in {s}", Percent, EV, 2015, 1.3, 4.5),
    m("China", "car exports", "{s} exported {v} cars", Count, EV, 2015, 730e3, 0.3),
    m("CATL", "revenue", "{s} generated revenue of {v}", Money("CNY"), EV, 2015, 5.7e9, 0.5),
    m("CATL", "Hungary investment", "{s} committed {v} to its battery plant in Hungary", Money("EUR"), EV, 2022, 7.3e9, 0.0),
    m("Tesla", "Shanghai deliveries", "{s} delivered {v} cars from its Shanghai factory", Count, EV, 2020, 140e3, 0.35),
    m("the European Union", "imports of Chinese electric cars", "{s} imported {v} of Chinese electric cars", Money("EUR"), EV, 2019, 1.6e9, 0.6),
    m("Alibaba", "revenue", "{s} reported revenue of {v}", Money("CNY"), ECOM, 2015, 101e9, 0.22),
    m("Alibaba", "Singles Day sales", "{s} recorded {v} in Singles Day sales", Money("CNY"), ECOM, 2015, 91.2e9, 0.3),
    m("Tencent", "revenue", "{s} posted revenue of {v}", Money("CNY"), ECOM, 2015, 159e9, 0.14),
    m("WeChat", "monthly active users", "{s} had {v} monthly active users", Count, ECOM, 2015, 697e6, 0.06),
    m("Pinduoduo", "active buyers", "{s} counted {v} active buyers", Count, ECOM, 2016, 100e6, 0.3),
    m("JD.com", "revenue", "{s} reported net revenue of {v}", Money("CNY"), ECOM, 2015, 181e9, 0.17),
    m("ByteDance", "revenue", "{s} made revenue of {v}", Money("USD"), ECOM, 2017, 2.5e9, 0.6),
    m("China", "online retail sales", "online retail sales in {s} reached {v}", Money("CNY"), ECOM, 2015, 3.9e12, 0.12),
    m("Xiaomi", "market value", "{s} was valued at {v}", Money("HKD"), ECOM, 2018, 420e9, 0.08),
    m("China", "solar investment", "{s} invested {v} in solar power", Money("USD"), GREEN, 2015, 45e9, 0.14),
    m("LONGi", "revenue", "{s} posted revenue of {v}", Money("CNY"), GREEN, 2015, 5.9e9, 0.4),
    m("China", "renewable share of power generation", "renewables supplied {v} of the power generated in {s}", Percent, GREEN, 2015, 24.0, 1.3),
    m("China", "clean energy jobs", "clean energy employed {v} people in {s}", Count, GREEN, 2015, 3.5e6, 0.07),
    m("China", "biotech licensing deals", "drugmakers in {s} signed {v} out-licensing deals", Count, BIO, 2015, 20.0, 0.3),
    m("BeiGene", "research spending", "{s} spent {v} on research", Money("USD"), BIO, 2015, 0.1e9, 0.4),
    m("China", "biotech venture funding", "biotech start-ups in {s} raised {v}", Money("USD"), BIO, 2015, 4e9, 0.15),
    m("China", "industrial robot installations", "factories in {s} installed {v} industrial robots", Count, ROBOTS, 2015, 69e3, 0.15),
    m("China", "service robot output", "manufacturers in {s} built {v} service robots", Count, ROBOTS, 2015, 1.2e6, 0.3),
    m("Unitree", "robot shipments", "{s} shipped {v} robots", Count, ROBOTS, 2018, 2_000.0, 0.6),
    m("China", "domestic share of industrial robot sales", "domestic brands held {v} of industrial robot sales in {s}", Percent, ROBOTS, 2015, 19.0, 2.5),
    m("China", "mobile payment volume", "mobile payments in {s} reached {v}", Money("CNY"), FINTECH, 2015, 108e12, 0.2),
    m("Ant Group", "Alipay users", "{s} counted {v} Alipay users", Count, FINTECH, 2015, 450e6, 0.15),
    m("China", "venture capital investment", "venture capital investment in {s} totalled {v}", Money("USD"), FINTECH, 2015, 49e9, 0.05),
    m("China", "investment in British technology", "investors from {s} put {v} into British technology firms", Money("GBP"), FINTECH, 2015, 1.2e9, 0.05),
    m("China", "digital economy", "the digital economy of {s} was worth {v}", Money("CNY"), DIGITAL, 2015, 18.6e12, 0.11),
    m("China", "digital economy share of GDP", "the digital economy accounted for {v} of GDP in {s}", Percent, DIGITAL, 2015, 27.0, 1.4),
    m("China", "research and development spending", "{s} spent {v} on research and development", Money("CNY"), DIGITAL, 2015, 1.42e12, 0.1),
    m("China", "unicorns", "{s} was home to {v} unicorns", Count, DIGITAL, 2015, 70.0, 0.18),
    m("Beijing", "unicorns", "{s} hosted {v} unicorns", Count, DIGITAL, 2015, 40.0, 0.1),
    m("China", "data centre racks", "{s} operated {v} data centre racks", Count, DIGITAL, 2015, 1.2e6, 0.25),
    m("Shenzhen", "GDP", "the economy of {s} produced {v}", Money("CNY"), DIGITAL, 2015, 1.75e12, 0.07),
    m("China", "youth unemployment rate", "the jobless rate among young people in {s} was {v}", Percent, DIGITAL, 2018, 10.5, 1.2),
    m("DJI", "share of the consumer drone market", "{s} held {v} of the global consumer drone market", Percent, AERO, 2015, 50.0, 2.0),
    m("China", "satellite launches", "{s} put {v} satellites into orbit", Count, AERO, 2015, 45.0, 0.2),
    m("China", "commercial space funding", "commercial space firms in {s} raised {v}", Money("CNY"), AERO, 2015, 1.5e9, 0.35),
    m("China", "quantum technology funding", "{s} earmarked {v} for quantum research", Money("USD"), QUANTUM, 2015, 1.2e9, 0.2),
    m("China", "quantum patents", "applicants in {s} filed {v} quantum patents", Count, QUANTUM, 2015, 500.0, 0.25),
    m("China", "agritech investment", "agritech firms in {s} raised {v}", Money("USD"), AGRI, 2015, 0.9e9, 0.15),
    m("China", "agricultural drones", "farmers in {s} used {v} agricultural drones", Count, AGRI, 2015, 2_000.0, 0.55),
];

/// Headline frames: `{c}` a company, `{c2}` another, `{p}` a place, `{sec}` the sector,
/// `{o}` an organisation, `{prog}` a programme, `{y}` the year.
pub const TITLES: &[&str] = &[
    "{c} bets on {sec} as competition in {p} heats up",
    "How {c} plans to win in {sec}",
    "{c} and {c2} race for the lead in {sec}",
    "Inside {p}'s push into {sec}",
    "{o} sets out new rules for {sec}",
    "What {prog} means for {sec} in {y}",
    "{c} expands in {p} despite a slowing market",
    "Why investors are returning to {sec} in {p}",
    "{sec} in {y}: the numbers behind the boom",
    "{c} results show the strain on {sec}",
    "A year of {sec}: winners and losers",
    "{p} woos {c} with subsidies for {sec}",
    "The quiet rise of {c}",
    "{c} challenges {c2} on price",
    "Can {c} keep its lead in {sec}?",
    "{o} data point to a turn in {sec}",
    "From {p} to the world: {c} goes abroad",
    "{sec} after the crackdown",
    "{c} doubles down on research",
    "Analysts split over the outlook for {sec}",
    "{prog} and the new map of {sec}",
    "The {sec} supply chain moves to {p}",
    "{c} chief sets out a plan for {y}",
    "Five charts on {sec} in {p}",
];

/// Sentences with no figure: `{c}`, `{c2}`, `{per}` (a person with role), `{p}`, `{o}`,
/// `{prog}`, `{sec}`, `{pub}`. Some carry numbers that are not figures (5G, plan names).
pub const FILLERS: &[&str] = &[
    "{c} has opened a research centre in {p}, where it is hiring engineers for its {sec} business.",
    "{per} said the company would keep investing through the downturn.",
    "Officials at {o} have urged local governments to avoid duplicate projects in {sec}.",
    "The policy builds on {prog}, which set goals for {sec} and related industries.",
    "{c} and {c2} both declined to comment on the figures.",
    "Competition in {sec} has pushed several smaller firms out of the market.",
    "{per} told reporters in {p} that the sector needed clearer rules.",
    "Analysts say {c} still depends on imported components for its 5G products.",
    "The company listed in Hong Kong after regulators in Beijing delayed its plans.",
    "Investors in {p} remain cautious about valuations across {sec}.",
    "{o} has promised faster approvals for projects in {sec}.",
    "Local officials in {p} offered land and cheap loans to attract {c}.",
    "Critics argue that subsidies under {prog} have created overcapacity.",
    "{c} is building a second factory in {p} to serve export markets.",
    "Export controls announced by the United States have complicated supply chains in {sec}.",
    "{per} has called for more self-reliance in core technologies.",
    "The rollout of 5G networks has opened new markets for {c}.",
    "{c2} has formed a joint venture with a state-owned group in {p}.",
    "Researchers at {o} expect consolidation in {sec} over the next few years.",
    "The firm's shares have been volatile since the start of the year.",
    "Much of the growth has come from smaller cities, where {c} expanded early.",
    "{c} has also invested in training programmes with universities in {p}.",
    "According to {pub}, talks between {c} and {c2} have stalled.",
    "Demand in {p} has surprised executives at {c}.",
    "The targets are part of {prog}, which runs to the end of the decade.",
    "Regulators at {o} fined several platforms for anti-competitive behaviour.",
    "{per} visited {p} to meet founders working on {sec}.",
    "Trade tensions with Europe and the United States hang over the sector.",
];

/// Subheadings that split longer articles.
pub const SUBHEADINGS: &[&str] = &[
    "A crowded market",
    "What the numbers show",
    "Policy support",
    "The view from investors",
    "Going abroad",
    "Risks ahead",
    "Key figures",
    "Looking ahead",
];

/// Page furniture that the extractor's cleaning should remove.
pub const FURNITURE_TOP: &[&str] = &[
    "Loading Now",
    "Sign up for our newsletter to get the latest on China tech",
    "Share this article",
];
