//! Entry point of the Metricscope web app: mounts the Yew root component.

fn main() {
    metricscope::run();
}
