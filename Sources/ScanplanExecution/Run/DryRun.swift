import ScanplanJSON
package import ScanplanPlan
import ScanplanSupport
package import ScanplanVendorKit

/// `scanplan plan`: the exact request a run would send for each selected scan, with
/// environment references left as written (a token shows as `${NAME}`, never its value),
/// and which variables the run would need that are unset. Nothing is sent.
package struct DryRun: Sendable {
  /// One scan's request.
  package struct Entry: Sendable {
    /// `ASSET/NAME`.
    package let id: String
    /// Where the scan is defined.
    package let location: String
    package let provider: String
    /// The request sent before the trigger to ready the target, when there is one (ZAP's
    /// `accessUrl` of a URL an attack does not crawl first).
    package let preparation: Preparation?
    package let request: HTTPRequest
    /// The requests of the scan's later stages, each sent once the one before completes
    /// (ZAP's attack after its crawl).
    package let laterStages: [HTTPRequest]
    /// The provider's `ca_file` as written, when it trusts its own authorities.
    package let caFile: String?
    /// What decides the run besides the request: gate, polling, deadline, budget.
    let facts: ScanRunFacts
  }

  /// The scans in plan order.
  package let entries: [Entry]
  /// What to say instead of the count when there is nothing to trigger, such as a shard
  /// that holds no scan of the plan.
  package var notice: String?
  /// Every variable a run would read, with the places that use it, whether it is set, and
  /// whether every use has a fallback (then a run does not need it).
  package let variables: [Variable]

  /// One environment variable a run would read.
  package struct Variable: Sendable {
    package let name: String
    /// Whether it is set to something other than the empty string.
    package let isSet: Bool
    /// The providers and scans that use it, each once, in plan order.
    package let usedBy: [String]
    /// Whether every use has a fallback, so a run does not need it.
    package let hasFallback: Bool
  }

  /// Builds the dry run of valid plans.
  package init(_ plans: [ResolvedPlan], selection: RunSelection, environment: [String: String]) {
    var entries: [Entry] = []
    // The run's resolver, its values unused: what it records is what a run reads.
    var resolver = EnvironmentResolver(environment: environment)
    func use(_ text: String, _ by: String) { _ = resolver.resolve(text, for: by) }
    for plan in plans {
      for provider in plan.providers {
        let scans = plan.scans.filter {
          $0.provider == provider.name && RunPlan.isSelected($0, selection)
        }
        guard !scans.isEmpty else { continue }
        let owner = "provider `\(provider.name)`"
        use(provider.tokenReference, owner)
        use(provider.baseURL, owner)
        if let caFile = provider.caFile { use(caFile, owner) }
        for scan in scans {
          for value in scan.templates {
            _ = resolver.resolve(value.template, for: "scan `\(scan.id)`")
          }
          entries.append(
            Entry(
              id: scan.id, location: plan.location(of: scan),
              provider: provider.name, preparation: provider.writtenPreparation(for: scan),
              request: provider.writtenTriggerRequest(for: scan),
              laterStages: provider.writtenLaterStages(for: scan), caFile: provider.caFile,
              facts: ScanRunFacts(scan, provider: provider, plan: plan)))
        }
      }
    }
    self.entries = entries
    variables = resolver.uses.map { name, users in
      Variable(
        name: name, isSet: resolver.isSet(name), usedBy: users,
        hasFallback: !resolver.required.contains(name))
    }
  }

  /// The variables a run needs that are unset: those used without a fallback.
  package var unset: [String] { variables.filter { !$0.isSet && !$0.hasFallback }.map(\.name) }

  /// For people; `explainingSettings` lists each merged setting with where it was written.
  package func text(explainingSettings: Bool = false) -> String {
    var output = ""
    for entry in entries {
      output += "\(entry.id)  (\(entry.provider), \(entry.location))\n"
      if let caFile = entry.caFile { output += "  (TLS trusts the authorities in \(caFile))\n" }
      if let preparation = entry.preparation {
        output += "  first, to \(preparation.purpose):\n" + Self.text(preparation.request)
        output += "  then:\n"
      }
      output += Self.text(entry.request)
      for stage in entry.laterStages {
        output += "  then, once the stage before has completed:\n" + Self.text(stage)
      }
      output += entry.facts.text(explainingSettings: explainingSettings)
      output += "\n"
    }
    if !variables.isEmpty {
      output += "environment:\n"
      for variable in variables {
        let state = variable.isSet ? "set" : variable.hasFallback ? "unset, fallback used" : "UNSET"
        output +=
          "  \(variable.name)  \(state)  (\(variable.usedBy.joined(separator: ", ")))\n"
      }
    }
    let count = entries.count
    if let notice, count == 0 { return output + notice + "; nothing would be triggered\n" }
    output += Counted.phrase(count, "scan") + " would be triggered; nothing was sent"
    if !unset.isEmpty { output += "; a run needs " + unset.joined(separator: ", ") + " set" }
    return output + "\n"
  }

  /// The documented JSON document.
  package func json() -> String {
    let scans: [JSONValue] = entries.map { entry in
      var request = Self.json(entry.request)
      if let caFile = entry.caFile { request["ca_file"] = .string(caFile) }
      var scan: JSONObject = [
        "id": .string(entry.id), "provider": .string(entry.provider),
        "location": .string(entry.location),
        "request": .object(request), "run": .object(entry.facts.json()),
      ]
      if let preparation = entry.preparation {
        var object = Self.json(preparation.request)
        object["purpose"] = .string(preparation.purpose)
        scan["preparation"] = .object(object)
      }
      if !entry.laterStages.isEmpty {
        scan["later_stages"] = .array(entry.laterStages.map { .object(Self.json($0)) })
      }
      return .object(scan)
    }
    let environment: [JSONValue] = variables.map { variable in
      var object: JSONObject = [
        "name": .string(variable.name), "set": .bool(variable.isSet),
        "used_by": .array(variable.usedBy.map(JSONValue.string)),
      ]
      if variable.hasFallback { object["fallback"] = true }
      return .object(object)
    }
    var document: JSONObject = [
      "version": 1, "scans": .array(scans), "environment": .array(environment),
    ]
    if let notice { document["notice"] = .string(notice) }
    return JSONWriter.pretty(.object(document))
  }

  /// A request for people: method and URL, headers, the body laid out.
  private static func text(_ request: HTTPRequest) -> String {
    var output = "  \(request.method) \(Self.shown(request.url))\n"
    for header in request.headers { output += "  \(header.name): \(header.value)\n" }
    if let body = request.body, let json = try? JSONParser().parse(body) {
      let pretty = JSONWriter.pretty(json).split(separator: "\n").map { "  " + $0 }.joined(
        separator: "\n")
      output += "\n" + pretty + "\n"
    }
    return output
  }

  /// A request as the JSON document has it.
  private static func json(_ request: HTTPRequest) -> JSONObject {
    var headers = JSONObject()
    for header in request.headers { headers[header.name] = .string(header.value) }
    var object: JSONObject = [
      "method": .string(request.method), "url": .string(Self.shown(request.url)),
      "headers": .object(headers),
    ]
    if let body = request.body, let json = try? JSONParser().parse(body) { object["body"] = json }
    return object
  }

  /// A URL with the environment references a query percent-encoded written as the plan
  /// writes them (`${API_URL}`, not `%24%7BAPI_URL%7D`): what a person looks for.
  static func shown(_ url: String) -> String {
    guard url.contains("%24%7B") else { return url }
    var output = ""
    var rest = Substring(url)
    while let open = rest.firstRange(of: "%24%7B") {
      output += rest[..<open.lowerBound]
      guard let close = rest[open.upperBound...].firstRange(of: "%7D") else { break }
      output += "${" + PercentEncoding.decode(rest[open.upperBound..<close.lowerBound]) + "}"
      rest = rest[close.upperBound...]
    }
    return output + rest
  }
}
