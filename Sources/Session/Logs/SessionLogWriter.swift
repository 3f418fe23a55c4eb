import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Something went wrong writing or reading a session log.
public struct SessionLogError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// The 1-based line at fault when reading, nil otherwise.
    public var line: Int?
    public var message: String

    public init(path: String, line: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)"
    }
}

/// Appends records to a session log, one `write(2)` per record.
///
/// The file is opened with `O_APPEND`, so each record lands whole at the end even if
/// another writer shares it; a crash can tear only the last line, which the reader
/// reports. The file is synced at marks, at the end, and every `syncEveryRecords` records
/// or `syncInterval` of wall time, whichever comes first: syncing every line is far slower.
public final class SessionLogWriter {
    public let path: String
    /// The program and version written into the header.
    public let program: String
    public let syncEveryRecords: Int
    public let syncInterval: Duration
    public private(set) var recordsWritten = 0
    private var descriptor: Int32
    private var unsyncedRecords = 0
    private var lastSync: ContinuousClock.Instant
    private let encoder = SessionRecordCoding.encoder()

    /// The program name written when the caller gives none.
    public static let defaultProgram = "blueprint 0.1.0"
    /// The longest record written; a record is a line, and the reader refuses longer ones.
    public static let recordLimitBytes = 16 << 20

    /// Opens (creating it and its directory) a log at `path`. An existing file must be
    /// empty: one log holds one session.
    public init(
        path: String, program: String = SessionLogWriter.defaultProgram,
        syncEveryRecords: Int = 256, syncInterval: Duration = .seconds(5)
    ) throws(SessionLogError) {
        precondition(syncEveryRecords > 0, "sync at least every so many records")
        self.path = path
        self.program = program
        self.syncEveryRecords = syncEveryRecords
        self.syncInterval = syncInterval
        lastSync = ContinuousClock.now
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw SessionLogError(path: path, message: "cannot create the directory")
            }
        }
        descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw SessionLogError(path: path, message: "cannot open: " + Self.lastErrorText())
        }
        let size = lseek(descriptor, 0, SEEK_END)
        guard size == 0 else {
            _ = systemClose(descriptor)
            descriptor = -1
            throw SessionLogError(
                path: path,
                message: "the file already exists and is not empty; a session log never "
                    + "writes over a file, so choose a new name")
        }
    }

    deinit {
        if descriptor >= 0 { _ = systemClose(descriptor) }
    }

    /// Appends one record as one line; syncs when the record or the schedule asks for it.
    public func write(_ record: SessionRecord) throws(SessionLogError) {
        guard descriptor >= 0 else {
            throw SessionLogError(path: path, message: "the log is closed")
        }
        var line: Data
        do {
            line = try encoder.encode(record)
        } catch {
            throw SessionLogError(path: path, message: "cannot encode a record: \(error)")
        }
        line.append(0x0A)
        guard line.count <= Self.recordLimitBytes else {
            throw SessionLogError(path: path, message: "a record is over the size limit")
        }
        try writeWhole(line)
        recordsWritten += 1
        unsyncedRecords += 1
        switch record {
        case .mark, .end: try sync()
        default:
            if unsyncedRecords >= syncEveryRecords
                || ContinuousClock.now - lastSync >= syncInterval
            {
                try sync()
            }
        }
    }

    /// Forces what was written onto the disk.
    public func sync() throws(SessionLogError) {
        guard descriptor >= 0 else { return }
        guard fsync(descriptor) == 0 else {
            throw SessionLogError(path: path, message: "cannot sync: " + Self.lastErrorText())
        }
        unsyncedRecords = 0
        lastSync = ContinuousClock.now
    }

    /// Syncs and closes the file; later writes fail. Closing twice does nothing.
    public func close() throws(SessionLogError) {
        guard descriptor >= 0 else { return }
        try sync()
        _ = systemClose(descriptor)
        descriptor = -1
    }

    /// One `write(2)` for the record; the loop only continues after an interrupted or
    /// partial write, which regular files do not do short of a full disk.
    private func writeWhole(_ bytes: Data) throws(SessionLogError) {
        var failure: String? = nil
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            var attempts = 0
            while offset < buffer.count, attempts < 64 {
                attempts += 1
                let written = systemWrite(
                    descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = Self.lastErrorText()
                    return
                }
                offset += written
            }
            if offset < buffer.count { failure = "the disk accepted only part of a record" }
        }
        if let failure {
            throw SessionLogError(path: path, message: "cannot write: " + failure)
        }
    }

    static func lastErrorText() -> String {
        String(cString: strerror(errno))
    }
}

/// The system calls under names that do not collide with the writer's own methods.
private func systemClose(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}

private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
