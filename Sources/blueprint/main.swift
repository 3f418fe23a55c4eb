#if canImport(Glibc)
    import Glibc
#endif

/// Exit statuses: 0 success, 1 a run that failed (a replay that diverged, a terminal that
/// could not start), 2 a command line, layout or file that could not be used.
let status: Int32
do {
    switch try OptionParser.parse(Array(CommandLine.arguments.dropFirst())) {
    case .help:
        print(HelpText.usage)
        status = 0
    case .version:
        print(Version.program)
        status = 0
    case .check(let path): status = Tasks.check(path: path)
    case .headless(let options): status = Tasks.headless(options)
    case .replay(let path, let headless):
        status = headless ? Tasks.replayHeadless(path: path) : Interactive.replay(path: path)
    case .interactive(let options): status = Interactive.run(options)
    case .bench(let options): status = Bench.run(options)
    }
} catch {
    FileStream.standardError.write(error.description + "\n")
    status = 2
}
exit(status)
