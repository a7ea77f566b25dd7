//! Kind rules: what an unknown name is, from its own words and the words around it.
//!
//! Each rule is a `match_*` function over a [`Context`] and states its rule in a comment, in
//! the manner of unicode-segmentation's `match_sb8`. [`type_unknown`] is the one dispatcher:
//! it tries the rules of [`RULES`] in order and the first that decides wins, so a rule
//! written earlier takes precedence over a later one.

use super::lexicon::{
    is_demonym, COMPANY_CUES_AFTER, COMPANY_CUES_BEFORE, COMPANY_SUFFIXES, ORG_PREFIXES,
    ORG_SUFFIXES, PERSON_TITLES, PLACE_SUFFIXES, PROGRAMME_SUFFIXES,
};
use crate::model::EntityKind;
use crate::words::{strip_possessive, Word};

/// What a rule decides about a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Decision {
    /// The name is of this kind.
    Kind(EntityKind),
    /// The words are not an actor's name (a report's title, a rank): stop with no kind.
    Untyped,
}

/// A candidate name, words `first..last` of a sentence, and the words around it.
struct Context<'a> {
    ws: &'a [Word<'a>],
    first: usize,
    last: usize,
    /// The name's words without possessive endings.
    name_words: Vec<&'a str>,
    /// The first word of the name.
    first_word: &'a str,
    /// The three words before the name, in lower case, nearest first ("" when absent).
    p1: String,
    p2: String,
    p3: String,
    /// The three words after the name, in lower case, nearest first ("" when absent).
    n1: String,
    n2: String,
    n3: String,
    /// Whether punctuation (mostly a comma) closes the name.
    ends_with_comma: bool,
    /// Two or three words, each capitalised with the rest in lower case ("Wang Xiaochuan").
    person_shaped: bool,
}

impl<'a> Context<'a> {
    fn new(ws: &'a [Word<'a>], first: usize, last: usize) -> Option<Self> {
        let name_words: Vec<&str> = ws
            .get(first..last)?
            .iter()
            .map(|w| strip_possessive(w.text))
            .collect();
        let first_word = *name_words.first()?;
        let lower_at = |i: Option<usize>| {
            i.and_then(|i| ws.get(i))
                .map(Word::lower)
                .unwrap_or_default()
        };
        let person_shaped =
            (2..=3).contains(&name_words.len()) && name_words.iter().all(|w| name_shaped(w));
        Some(Context {
            ws,
            first,
            last,
            first_word,
            p1: lower_at(first.checked_sub(1)),
            p2: lower_at(first.checked_sub(2)),
            p3: lower_at(first.checked_sub(3)),
            n1: lower_at(Some(last)),
            n2: lower_at(Some(last + 1)),
            n3: lower_at(Some(last + 2)),
            ends_with_comma: ws[last - 1].punct_after,
            person_shaped,
            name_words,
        })
    }

    fn len(&self) -> usize {
        self.name_words.len()
    }

    /// "Tesla's", "its", "their" right before the name: something owned by someone.
    fn owner_before(&self) -> bool {
        self.p1.ends_with("’s")
            || self.p1.ends_with("'s")
            || matches!(self.p1.as_str(), "its" | "their")
    }

    /// A noun for a made thing right after the name ("Doubao model", "Mate 70 phone").
    fn product_noun_after(&self) -> bool {
        matches!(
            self.n1.as_str(),
            "model"
                | "models"
                | "sedan"
                | "sedans"
                | "suv"
                | "suvs"
                | "humanoid"
                | "robots"
                | "robot"
                | "chip"
                | "chips"
                | "phone"
                | "phones"
                | "smartphone"
                | "passenger"
                | "drone"
                | "drones"
                | "app"
                | "chatbot"
                | "processor"
                | "handset"
                | "series"
                | "computer"
                | "computers"
                | "launch"
                | "rocket"
                | "rockets"
                | "satellite"
                | "satellites"
                | "supercomputer"
                | "vehicle"
                | "car"
                | "cars"
        )
    }

    /// A short name that mixes letters and digits ("G6", "Mate 70", "GR-1").
    fn model_shaped(&self) -> bool {
        self.len() <= 3
            && self
                .first_word
                .chars()
                .next()
                .is_some_and(char::is_alphabetic)
            && self
                .name_words
                .iter()
                .any(|w| w.chars().any(|c| c.is_ascii_digit()))
            && self.name_words.iter().all(|w| w.len() <= 8)
    }

    /// "Rivals reported ...": a lone plural word opening a sentence is a common noun.
    fn plural_opener(&self) -> bool {
        self.first == 0 && self.len() == 1 && self.first_word.ends_with('s')
    }

    /// "said Deloitte", "according to Citeline", "analysts at Bernstein": a source is cited.
    fn source_cue(&self) -> bool {
        matches!(self.p1.as_str(), "said" | "says")
            || (self.p1 == "to" && self.p2 == "according")
            || (self.p1 == "at"
                && matches!(
                    self.p2.as_str(),
                    "analysts" | "economists" | "researchers" | "strategists" | "executives"
                ))
    }
}

/// Whether a word is shaped like part of a personal name: a capital then lower case, in each
/// hyphenated part ("Wei-ming"), after an "O'" or "Mc" ("O'Leary", "McCarthy"), or initials
/// ("C.C.").
pub(super) fn name_shaped(word: &str) -> bool {
    let initials = word.contains('.') && word.chars().all(|c| c == '.' || c.is_uppercase());
    let part_shaped = |part: &str| {
        let rest = part
            .strip_prefix("O'")
            .or_else(|| part.strip_prefix("O’"))
            .or_else(|| part.strip_prefix("Mc"))
            .unwrap_or(part);
        rest.chars().skip(1).all(char::is_lowercase)
    };
    initials || word.split('-').all(part_shaped)
}

/// A rule: a decision about the name in the context, or `None` to leave it to later rules.
type Rule = fn(&Context<'_>) -> Option<Decision>;

/// The kind rules, in the order they are tried.
const RULES: &[Rule] = &[
    match_publication_title,
    match_suffix_kind,
    match_rank,
    match_company_apposition_noun,
    match_company_apposition_participle,
    match_the_name_adjective_product_noun,
    match_launched_product,
    match_study_author,
    match_owned_product,
    match_company_which_verb,
    match_the_programme_noun,
    match_model_name,
    match_person_title_before,
    match_person_title_after,
    match_said_person,
    match_company_of_title,
    match_company_cue_before,
    match_one_word_speaker,
    match_company_cue_after,
    match_company_shares,
    match_company_analysts,
    match_such_as_companies,
    match_cited_source,
    match_company_whose,
    match_in_place,
    match_the_product_noun,
];

/// Types an unknown name, words `first..last` of `ws`, from its own words and its context, or
/// `None` when nothing says what it is.
pub(super) fn type_unknown(ws: &[Word<'_>], first: usize, last: usize) -> Option<EntityKind> {
    let cx = Context::new(ws, first, last)?;
    match RULES.iter().find_map(|rule| rule(&cx))? {
        Decision::Kind(kind) => Some(kind),
        Decision::Untyped => None,
    }
}

/// "the World Robotics report": a name followed by "report", "index", "conference" and the
/// like is the title of a publication or an occasion, not an actor.
fn match_publication_title(cx: &Context<'_>) -> Option<Decision> {
    let titled = !cx.ends_with_comma
        && matches!(
            cx.n1.as_str(),
            "report"
                | "study"
                | "survey"
                | "index"
                | "ranking"
                | "rankings"
                | "conference"
                | "expo"
                | "award"
                | "awards"
        );
    titled.then_some(Decision::Untyped)
}

/// The name's own first or last word names its kind ("... Ministry", "... Technologies",
/// "... Plan", "... Province").
fn match_suffix_kind(cx: &Context<'_>) -> Option<Decision> {
    suffix_kind(cx.ws, cx.first, cx.last).map(Decision::Kind)
}

/// The kind a name's own first or last word gives it ("... Ministry", "... Plan").
pub(super) fn suffix_kind(ws: &[Word<'_>], first: usize, last: usize) -> Option<EntityKind> {
    let name_words: Vec<&str> = ws
        .get(first..last)?
        .iter()
        .map(|w| strip_possessive(w.text))
        .collect();
    let last_word = *name_words.last()?;
    let first_word = name_words[0];
    if ORG_SUFFIXES.contains(&last_word)
        || (ORG_PREFIXES.contains(&first_word) && name_words.len() > 1)
    {
        return Some(EntityKind::Organisation);
    }
    // "European Central Bank", "Croatian National Bank": a bank named for the state is its
    // central bank, an organisation, not a lender.
    if last_word == "Bank"
        && name_words.len() > 1
        && matches!(
            name_words[name_words.len() - 2],
            "Central" | "National" | "Reserve" | "People's" | "People’s"
        )
    {
        return Some(EntityKind::Organisation);
    }
    // "State Administration for Market Regulation": an organisation's word in a longer name
    // outweighs a programme's last word.
    let org_word = name_words.iter().any(|w| ORG_SUFFIXES.contains(w));
    if PROGRAMME_SUFFIXES.contains(&last_word) && name_words.len() > 1 {
        return Some(if org_word && name_words.len() >= 3 {
            EntityKind::Organisation
        } else {
            EntityKind::Programme
        });
    }
    if PLACE_SUFFIXES.contains(&last_word) && name_words.len() > 1 {
        return Some(EntityKind::Place);
    }
    // "Moonshot AI", not "Prices for AI": the word before the suffix is part of the name.
    let before_suffix_named = last >= 2
        && ws
            .get(last - 2)
            .is_some_and(|w| w.is_capitalised() || w.text.chars().any(char::is_uppercase));
    if COMPANY_SUFFIXES.contains(&last_word) && name_words.len() > 1 && before_suffix_named {
        return Some(EntityKind::Company);
    }
    None
}

/// "Tier-1 cities", "Level 4", "Top 10": a rank opens the words, which are not a name.
fn match_rank(cx: &Context<'_>) -> Option<Decision> {
    let rank = cx
        .first_word
        .split(|c: char| !c.is_alphabetic())
        .next()
        .is_some_and(|p| {
            matches!(
                p.to_lowercase().as_str(),
                "tier" | "level" | "phase" | "top" | "grade"
            )
        });
    rank.then_some(Decision::Untyped)
}

/// "SSST, the operator, ...", "SMEE, China's only lithography maker,": a company noun within
/// the next few words of an apposition makes a company (not of a person-shaped name).
fn match_company_apposition_noun(cx: &Context<'_>) -> Option<Decision> {
    if !cx.ends_with_comma || cx.person_shaped {
        return None;
    }
    let last = cx.last;
    // "Infosys, India's second-largest software services exporter": the head noun may come
    // after a possessive place, a superlative and two modifiers.
    let noun = (last + 1..last + 7)
        .map_while(|i| {
            let w = cx.ws.get(i)?;
            let stop = i > last + 1 && cx.ws[i - 1].punct_after;
            (!stop).then(|| w.lower())
        })
        .any(|w| COMPANY_CUES_BEFORE.contains(&w.as_str()));
    noun.then_some(Decision::Kind(EntityKind::Company))
}

/// "AgiBot, founded in 2023, ...": a short name followed by a comma and "founded", "backed",
/// "listed" and the like is a company.
fn match_company_apposition_participle(cx: &Context<'_>) -> Option<Decision> {
    let founded = cx.len() <= 3
        && cx.ends_with_comma
        && matches!(
            cx.n1.as_str(),
            "founded" | "owned" | "backed" | "based" | "headquartered" | "spun" | "listed"
        );
    founded.then_some(Decision::Kind(EntityKind::Company))
}

/// "the Jiuzhang photonic computer": after "the", a product noun one lower-case adjective
/// after a one- or two-word name makes a product.
fn match_the_name_adjective_product_noun(cx: &Context<'_>) -> Option<Decision> {
    let noun_next = matches!(
        cx.n2.as_str(),
        "computer"
            | "processor"
            | "chip"
            | "model"
            | "rocket"
            | "satellite"
            | "car"
            | "phone"
            | "smartphone"
            | "chatbot"
            | "drone"
            | "robot"
            | "app"
            | "generator"
    ) && cx
        .ws
        .get(cx.last)
        .is_some_and(|w| w.lower().chars().all(char::is_lowercase));
    (cx.p1 == "the" && noun_next && cx.len() <= 2).then_some(Decision::Kind(EntityKind::Product))
}

/// "unveiled Zuchongzhi 3.0", "launched the Mate 70": what is launched is a product (unless
/// the name is shaped like a person's).
fn match_launched_product(cx: &Context<'_>) -> Option<Decision> {
    let launch_verb = |w: &str| {
        matches!(
            w,
            "unveiled" | "launched" | "released" | "introduced" | "debuted"
        )
    };
    let launched = launch_verb(&cx.p1) || (cx.p1 == "the" && launch_verb(&cx.p2));
    (launched && !cx.person_shaped).then_some(Decision::Kind(EntityKind::Product))
}

/// "a 2023 tally by McKinsey", "a survey by Deloitte": the author of a study is a company.
fn match_study_author(cx: &Context<'_>) -> Option<Decision> {
    let author = cx.p1 == "by"
        && matches!(
            cx.p2.as_str(),
            "tally"
                | "survey"
                | "report"
                | "study"
                | "analysis"
                | "data"
                | "estimate"
                | "estimates"
                | "research"
                | "ranking"
                | "poll"
                | "calculations"
        );
    author.then_some(Decision::Kind(EntityKind::Company))
}

/// "its Doubao model", "Baidu's Ernie models": an owned name before a product noun is a
/// product.
fn match_owned_product(cx: &Context<'_>) -> Option<Decision> {
    (cx.owner_before() && cx.product_noun_after()).then_some(Decision::Kind(EntityKind::Product))
}

/// "EHang, which makes ...": a name followed by ", which" and a commercial verb is a company.
fn match_company_which_verb(cx: &Context<'_>) -> Option<Decision> {
    let which = cx.ends_with_comma
        && cx.n1 == "which"
        && matches!(
            cx.n2.as_str(),
            "makes"
                | "builds"
                | "produces"
                | "sells"
                | "develops"
                | "operates"
                | "runs"
                | "shipped"
                | "sold"
                | "delivered"
                | "reported"
                | "supplies"
                | "owns"
                | "employs"
        );
    which.then_some(Decision::Kind(EntityKind::Company))
}

/// "the Guowang constellation", "the Sky Eye project": after "the", a name followed by
/// "programme", "project", "initiative" and the like is a programme.
fn match_the_programme_noun(cx: &Context<'_>) -> Option<Decision> {
    let programme = cx.p1 == "the"
        && matches!(
            cx.n1.as_str(),
            "constellation" | "programme" | "program" | "project" | "initiative" | "scheme"
        );
    programme.then_some(Decision::Kind(EntityKind::Programme))
}

/// "G6 and G9 models", "100 GR-1 humanoid robots", "the iPhone 16 met ...": a short name
/// mixing letters and digits is a product when a product noun follows, when it is listed
/// with "and", when it is owned, or after "the" (but not "the Fortune 500 companies").
fn match_model_name(cx: &Context<'_>) -> Option<Decision> {
    let the_model = cx.p1 == "the" && !cx.n1.ends_with('s');
    let product = cx.model_shaped()
        && (cx.product_noun_after() || cx.n1 == "and" || cx.owner_before() || the_model);
    product.then_some(Decision::Kind(EntityKind::Product))
}

/// "President Xi Jinping", "CEO Lei Jun", "Mr Wang": a title right before a person-shaped or
/// one-word name makes a person (not "the chief Robotics ...").
fn match_person_title_before(cx: &Context<'_>) -> Option<Decision> {
    let titled = PERSON_TITLES.contains(&cx.p1.as_str())
        && (cx.person_shaped || cx.len() == 1)
        && !matches!(cx.p2.as_str(), "the" | "a");
    titled.then_some(Decision::Kind(EntityKind::Person))
}

/// "Wang Xiaochuan, the former CEO of ...", "Li Na, an aerospace analyst at ...", "Lei Jun
/// said": a person-shaped name followed by a title (within the next few lower-case words of
/// an apposition) or by a verb of speech is a person.
fn match_person_title_after(cx: &Context<'_>) -> Option<Decision> {
    if !cx.person_shaped {
        return None;
    }
    let (ws, last) = (cx.ws, cx.last);
    // "Ellen Zhou is a partner at ...": a title after "is a" or "was the".
    let (n1, n2, n3) = if matches!(cx.n1.as_str(), "is" | "was") {
        (
            cx.n2.as_str(),
            cx.n3.as_str(),
            ws.get(last + 3).map(Word::lower).unwrap_or_default(),
        )
    } else {
        (cx.n1.as_str(), cx.n2.as_str(), cx.n3.clone())
    };
    let copula = n1 != cx.n1;
    let title_follows = PERSON_TITLES.contains(&n1)
        || (matches!(n1, "the" | "a" | "an" | "former" | "then")
            && (PERSON_TITLES.contains(&n2)
                || PERSON_TITLES.contains(&n3.as_str())
                || ws.get(last + 3).is_some_and(|w| {
                    !ws[last + 1].punct_after
                        && !ws[last + 2].punct_after
                        && PERSON_TITLES.contains(&w.lower().as_str())
                })));
    let speaks = matches!(
        cx.n1.as_str(),
        "said" | "says" | "told" | "added" | "noted" | "argued" | "wrote"
    );
    let person = if cx.ends_with_comma || copula {
        title_follows
    } else {
        speaks
    };
    person.then_some(Decision::Kind(EntityKind::Person))
}

/// "said Naoki Fujiwara, a fund manager", "says Ruth Albers": a person-shaped name right after
/// a verb of speech is the speaker, a person.
fn match_said_person(cx: &Context<'_>) -> Option<Decision> {
    let said_word = |w: &str| matches!(w, "said" | "says" | "told" | "added" | "noted");
    // "said broker Ida Vik": a lower-case role noun may sit between the verb and the name.
    let role_between = said_word(&cx.p2)
        && cx.first >= 1
        && cx.ws[cx.first - 1]
            .text
            .chars()
            .all(|c| c.is_lowercase() || c == '-');
    let said = said_word(&cx.p1) || role_between;
    (said && cx.person_shaped).then_some(Decision::Kind(EntityKind::Person))
}

/// "CEO of Indigo Global", "an engineer at Unitree": the employer after a title is a company.
fn match_company_of_title(cx: &Context<'_>) -> Option<Decision> {
    let employer = matches!(cx.p1.as_str(), "of" | "at") && PERSON_TITLES.contains(&cx.p2.as_str());
    employer.then_some(Decision::Kind(EntityKind::Company))
}

/// "carmaker Zeekr", "startup Galbot", "consultancy Rhodium": a company noun right before the
/// name makes a company.
fn match_company_cue_before(cx: &Context<'_>) -> Option<Decision> {
    let cued = COMPANY_CUES_BEFORE.contains(&cx.p1.as_str())
        || matches!(
            cx.p1.as_str(),
            "consultancy" | "provider" | "analytics" | "broker"
        );
    cued.then_some(Decision::Kind(EntityKind::Company))
}

/// "AMEC said its ...": a one-word name that speaks or reports is an organisation, mostly a
/// company (surnames of known people were resolved before typing).
fn match_one_word_speaker(cx: &Context<'_>) -> Option<Decision> {
    let speaks = cx.len() == 1
        && !cx.ends_with_comma
        && !cx.plural_opener()
        && matches!(
            cx.n1.as_str(),
            "said" | "says" | "reported" | "announced" | "told"
        );
    speaks.then_some(Decision::Kind(EntityKind::Company))
}

/// "Galbot raised ...", "Zeekr delivered ...": a commercial verb right after the name makes a
/// company.
fn match_company_cue_after(cx: &Context<'_>) -> Option<Decision> {
    let cued =
        COMPANY_CUES_AFTER.contains(&cx.n1.as_str()) && !cx.ends_with_comma && !cx.plural_opener();
    cued.then_some(Decision::Kind(EntityKind::Company))
}

/// "Burberry shares rose", "shares of NatWest", "Novo Nordisk shed 1.6%": a name whose shares
/// are traded, or a short name that a market verb and a figure follow, is a company (not
/// "Polysilicon fell below ...").
fn match_company_shares(cx: &Context<'_>) -> Option<Decision> {
    let shares = !cx.ends_with_comma && matches!(cx.n1.as_str(), "shares" | "stock")
        || cx.p1 == "of" && matches!(cx.p2.as_str(), "shares" | "stock");
    let moved = cx.len() <= 3
        && !cx.ends_with_comma
        && cx.n2.starts_with(|c: char| c.is_ascii_digit())
        && !cx.plural_opener()
        && matches!(
            cx.n1.as_str(),
            "gained"
                | "jumped"
                | "slid"
                | "tumbled"
                | "surged"
                | "climbed"
                | "rallied"
                | "slumped"
                | "dropped"
                | "rose"
                | "fell"
                | "added"
                | "lost"
                | "declined"
                | "advanced"
                | "shed"
                | "soared"
                | "sank"
                | "plunged"
                | "slipped"
                | "eased"
                | "dipped"
                | "rebounded"
                | "retreated"
                | "firmed"
        );
    (shares || moved).then_some(Decision::Kind(EntityKind::Company))
}

/// "Morningstar analyst Jon Mills", "Lightstone data show": a short name, not shaped like a
/// person's, before "analyst", "economists" or "data" is a company.
fn match_company_analysts(cx: &Context<'_>) -> Option<Decision> {
    let house = cx.len() <= 2
        && !cx.ends_with_comma
        && !cx.person_shaped
        && !cx.plural_opener()
        && matches!(
            cx.n1.as_str(),
            "analyst"
                | "analysts"
                | "economist"
                | "economists"
                | "strategist"
                | "strategists"
                | "data"
        );
    house.then_some(Decision::Kind(EntityKind::Company))
}

/// "brands such as Fanuc": a plural company noun before "such as" makes a company.
fn match_such_as_companies(cx: &Context<'_>) -> Option<Decision> {
    let listed = cx.p1 == "as"
        && cx.p2 == "such"
        && matches!(
            cx.p3.as_str(),
            "brands"
                | "companies"
                | "firms"
                | "makers"
                | "rivals"
                | "players"
                | "giants"
                | "carmakers"
                | "suppliers"
                | "startups"
                | "start-ups"
                | "manufacturers"
                | "platforms"
                | "vendors"
                | "operators"
                | "banks"
                | "lenders"
                | "businesses"
                | "subsidiaries"
                | "units"
        );
    listed.then_some(Decision::Kind(EntityKind::Company))
}

/// "said Deloitte", "according to Citeline", "led by Estun Automation", "estimates compiled by
/// LSEG": a cited source or an agent of one or two words, not shaped like a person's name, is a company; so is any
/// one-word cited source.
fn match_cited_source(cx: &Context<'_>) -> Option<Decision> {
    let by_agent = cx.p1 == "by"
        && matches!(
            cx.p2.as_str(),
            "led"
                | "developed"
                | "made"
                | "owned"
                | "built"
                | "compiled"
                | "polled"
                | "published"
                | "provided"
                | "conducted"
        );
    // Estimates and polls are compiled by firms, whatever the shape of their names.
    let data_agent = cx.p1 == "by"
        && matches!(
            cx.p2.as_str(),
            "compiled" | "polled" | "published" | "provided" | "conducted"
        );
    let source = cx.source_cue();
    let company = (source || by_agent) && cx.len() <= 2 && !cx.person_shaped
        || source && cx.len() == 1
        || data_agent && cx.len() <= 3;
    company.then_some(Decision::Kind(EntityKind::Company))
}

/// "Akeso, whose shares have tripled": a name followed by ", whose" is a company.
fn match_company_whose(cx: &Context<'_>) -> Option<Decision> {
    (cx.ends_with_comma && cx.n1 == "whose").then_some(Decision::Kind(EntityKind::Company))
}

/// "in Changsha", "across Guangdong", "from the Netherlands": a short capitalised name after
/// "in", "across", "near" or "from the" is a place (a bare "from X" is as often a company or a
/// person), unless it is a person-shaped name or a nationality.
fn match_in_place(cx: &Context<'_>) -> Option<Decision> {
    let p_place = if cx.p1 == "the" {
        cx.p2.as_str()
    } else {
        cx.p1.as_str()
    };
    let from_the = cx.p1 == "the" && cx.p2 == "from";
    // "residents of Debrecen", "the outskirts of Split": a place noun and "of" before a name.
    let of_place = cx.p1 == "of"
        && matches!(
            cx.p2.as_str(),
            "residents"
                | "outskirts"
                | "suburbs"
                | "streets"
                | "walls"
                | "centre"
                | "center"
                | "city"
                | "town"
                | "village"
                | "port"
                | "mayor"
                | "province"
                | "region"
                | "state"
        );
    let place = (matches!(p_place, "in" | "across" | "near" | "outside") || from_the || of_place)
        && cx.first_word.chars().next().is_some_and(char::is_uppercase)
        && !cx.person_shaped
        && cx.len() <= 2
        && !is_demonym(cx.first_word);
    place.then_some(Decision::Kind(EntityKind::Place))
}

/// "the Atlas model", "the Kimi chatbot", "the MG brand": after "the", a name followed by a
/// product noun is a product.
fn match_the_product_noun(cx: &Context<'_>) -> Option<Decision> {
    let product = cx.p1 == "the"
        && matches!(
            cx.n1.as_str(),
            "model"
                | "sedan"
                | "suv"
                | "smartphone"
                | "phone"
                | "chip"
                | "processor"
                | "chatbot"
                | "app"
                | "handset"
                | "brand"
        );
    product.then_some(Decision::Kind(EntityKind::Product))
}
