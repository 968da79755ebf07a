/// A provider's base URL, checked the way the plan format requires: `https`, or `http`
/// on a loopback host; no credentials, query or fragment.
struct BaseURL: Equatable {
  let scheme: String
  let host: String
  let port: Int?
  let path: String

  /// Why a string is not an acceptable base URL.
  enum Problem: Error, Equatable {
    case malformed(String)
    case credentials
    case insecure(host: String)
  }

  /// The URL with a lowercase scheme and host and no trailing slash, the form requests
  /// are built from.
  var normalized: String {
    var text = "\(scheme)://\(host)"
    if let port { text += ":\(port)" }
    return text + path
  }

  /// Whether the host is loopback: 127.0.0.0/8, `localhost` or `[::1]`.
  var isLoopback: Bool {
    if host == "localhost" || host == "[::1]" { return true }
    let octets = host.split(separator: ".", omittingEmptySubsequences: false)
    guard octets.count == 4, octets[0] == "127" else { return false }
    return octets.allSatisfy { octet in
      guard let value = Int(octet), octet.count <= 3, octet.allSatisfy(\.isASCII) else {
        return false
      }
      return (0...255).contains(value)
    }
  }

  /// The URL, or why it is not acceptable; with `allowingPlainHTTP`, plain `http` to any
  /// host is accepted (the caller warns of it).
  static func parse(_ text: String, allowingPlainHTTP: Bool = false) -> Result<BaseURL, Problem> {
    guard let colon = text.firstIndex(of: ":"), text[colon...].hasPrefix("://") else {
      return .failure(.malformed("it has no scheme; start it with `https://`"))
    }
    let scheme = text[..<colon].lowercased()
    guard scheme == "https" || scheme == "http" else {
      return .failure(.malformed("`\(scheme)` is not `https` or `http`"))
    }
    var rest = text[text.index(colon, offsetBy: 3)...]
    if rest.contains(where: { $0 == " " || $0 == "\t" }) {
      return .failure(.malformed("it contains a space"))
    }
    if rest.contains("?") || rest.contains("#") {
      return .failure(.malformed("a base URL has no query or fragment"))
    }
    let pathStart = rest.firstIndex(of: "/") ?? rest.endIndex
    let authority = rest[..<pathStart]
    var path = String(rest[pathStart...])
    rest = authority
    if authority.contains("@") { return .failure(.credentials) }
    var host: String
    var portText: Substring?
    if authority.hasPrefix("[") {
      guard let close = authority.firstIndex(of: "]") else {
        return .failure(.malformed("the IPv6 host is not closed with `]`"))
      }
      host = String(authority[...close]).lowercased()
      let after = authority[authority.index(after: close)...]
      if !after.isEmpty {
        guard after.hasPrefix(":") else {
          return .failure(.malformed("unexpected text after the host"))
        }
        portText = after.dropFirst()
      }
    } else if let colon = authority.lastIndex(of: ":") {
      host = String(authority[..<colon]).lowercased()
      portText = authority[authority.index(after: colon)...]
    } else {
      host = authority.lowercased()
    }
    guard !host.isEmpty else { return .failure(.malformed("it has no host")) }
    let hostAllowed = host.unicodeScalars.allSatisfy {
      $0.isASCII
        && ($0.properties.isAlphabetic || ("0"..."9").contains($0)
          || "-.[]:".unicodeScalars.contains($0))
    }
    guard hostAllowed else {
      return .failure(.malformed("the host `\(host)` has characters a host name cannot have"))
    }
    var port: Int?
    if let portText {
      guard let value = Int(portText), (1...65535).contains(value), portText.allSatisfy(\.isASCII)
      else {
        return .failure(.malformed("`\(portText)` is not a port number"))
      }
      port = value
    }
    while path.hasSuffix("/") { path.removeLast() }
    let url = BaseURL(scheme: scheme, host: host, port: port, path: path)
    if scheme == "http", !url.isLoopback, !allowingPlainHTTP {
      return .failure(.insecure(host: host))
    }
    return .success(url)
  }
}
