import ScanplanSupport
package import ScanplanYAML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The plan files named on a command line: files as given, every `*.yaml` and `*.yml`
/// below a directory (sorted, hidden entries skipped), and `-` for standard input.
package enum PlanInputs {
  /// A plan to read.
  package enum Input: Equatable, Sendable {
    /// A file path, as it will be shown in diagnostics.
    case file(String)
    /// Standard input, shown as `<stdin>`.
    case standardInput
  }

  /// A command line that names nothing to read.
  package struct UsageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, lowercase.
    package let message: String
    package var description: String { message }
  }

  /// The inputs the paths stand for, in order, each file once.
  package static func expand(_ paths: [String]) -> Result<[Input], UsageError> {
    var inputs: [Input] = []
    var seen: Set<String> = []
    var sawStandardInput = false
    for path in paths {
      if path == "-" {
        if !sawStandardInput { inputs.append(.standardInput) }
        sawStandardInput = true
        continue
      }
      switch kind(of: path, followLinks: true) {
      case .missing:
        return .failure(UsageError(message: "no such file or directory: \(path)"))
      case .directory:
        var found: [String] = []
        walk(path, into: &found)
        guard !found.isEmpty else {
          return .failure(UsageError(message: "no plan files (*.yaml, *.yml) under \(path)"))
        }
        for file in found.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        where seen.insert(file).inserted {
          inputs.append(.file(file))
        }
      case .file, .other:
        if seen.insert(path).inserted { inputs.append(.file(path)) }
      }
    }
    return .success(inputs)
  }

  /// Reads an input whole, or fails when it is longer than `limit`, saying by how much
  /// when the size is known: for files that are not plans, such as run reports.
  package static func readWithin(_ input: Input, limit: Int) -> Result<SourceText, ReadError> {
    read(input, limit: limit).flatMap { source in
      guard source.bytes.count > limit else { return .success(source) }
      // Standard input, read to one byte past the limit.
      return .failure(
        ReadError(
          path: source.path, reason: "it is over the limit of \(YAMLLimits.describe(bytes: limit))")
      )
    }
  }

  /// Reads an input whole, or up to one byte past `limit` so the loader can report the
  /// size without reading a huge file. Files are sized first and never read past it.
  package static func read(_ input: Input, limit: Int) -> Result<SourceText, ReadError> {
    switch input {
    case .standardInput:
      return readAll(descriptor: 0, limit: limit).map { SourceText(path: "<stdin>", bytes: $0) }
    case .file(let path):
      let descriptor = open(path, O_RDONLY)
      guard descriptor >= 0 else { return .failure(ReadError(path: path, reason: errorText())) }
      defer { close(descriptor) }
      var info = stat()
      if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
        return .failure(ReadError(path: path, reason: "it is a directory"))
      }
      if fstat(descriptor, &info) == 0, Int(info.st_size) > limit {
        let size = Int(info.st_size)
        return .failure(
          ReadError(
            path: path,
            reason: "it is \(YAMLLimits.describe(bytes: size)), over the limit of "
              + YAMLLimits.describe(bytes: limit), size: size))
      }
      return readAll(descriptor: descriptor, limit: limit).map { SourceText(path: path, bytes: $0) }
        .mapError { ReadError(path: path, reason: $0.reason) }
    }
  }

  /// A file that could not be read.
  package struct ReadError: Error, Equatable, Sendable {
    /// The path as given.
    package let path: String
    /// Why, from the system.
    package let reason: String
    /// The size, when the file is too large to read.
    package var size: Int?

    init(path: String, reason: String, size: Int? = nil) {
      self.path = path
      self.reason = reason
      self.size = size
    }
  }

  private static func readAll(descriptor: Int32, limit: Int) -> Result<[UInt8], ReadError> {
    FileBytes.readAll(descriptor: descriptor, limit: limit).mapError {
      ReadError(path: "<stdin>", reason: $0.reason)
    }
  }

  private enum Kind { case missing, file, directory, other }

  private static func kind(of path: String, followLinks: Bool) -> Kind {
    var info = stat()
    let result = followLinks ? stat(path, &info) : lstat(path, &info)
    guard result == 0 else { return .missing }
    switch info.st_mode & S_IFMT {
    case S_IFDIR: return .directory
    case S_IFREG: return .file
    default: return .other
    }
  }

  /// Collects plan files below a directory. Symbolic links to directories are not
  /// followed, so a link loop cannot make the walk endless.
  private static func walk(_ directory: String, into found: inout [String]) {
    guard let handle = opendir(directory) else { return }
    defer { closedir(handle) }
    let prefix = directory.hasSuffix("/") ? directory : directory + "/"
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name.hasPrefix(".") { continue }
      let path = prefix + name
      switch kind(of: path, followLinks: false) {
      case .directory:
        walk(path, into: &found)
      case .file, .other:
        if (name.hasSuffix(".yaml") || name.hasSuffix(".yml"))
          && kind(of: path, followLinks: true) == .file
        {
          found.append(path)
        }
      case .missing:
        continue
      }
    }
  }

  private static func errorText() -> String { FileBytes.errorText() }
}
