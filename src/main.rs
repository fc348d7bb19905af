fn main() -> std::process::ExitCode {
    seminar::cli::main()
}
