import Session

enum HelpText {
    static let usage = """
        blueprint: the system-design blueprint as a live, simulated architecture

        Usage:
          blueprint [--layout FILE] [--seed N] [--record FILE | --no-record] [--speed X]
              Open the blueprint in the terminal (default layout: layouts/blueprint.json5).
              Every session is recorded to \(Paths.sessionsDirectory)/
              unless --record names a file or --no-record turns it off. Press ? for keys.
          blueprint --headless [--duration 60s] [--seed N] [--commands "CMD; 10s CMD"]
                    [--script FILE] [--record FILE] [--layout FILE]
              Run without a terminal and print a summary of every component.
          blueprint check FILE          Validate a layout without running it.
          blueprint replay FILE         Replay a session log in the terminal.
          blueprint replay --headless FILE
              Re-run a session log, check every snapshot; exit 0 only if all match.
          blueprint bench [--scale X] [--only NAME]
              Measure the engine (build with -c release).
          blueprint --help | --version

        Commands (keys, the : line, scripts and logs all use them):

        """ + CommandParser.grammar.map { "  " + $0 }.joined(separator: "\n")
}
