import ScanplanReport
import ScanplanSupport

extension RunPage {
  /// The SVG's width in its own units; it scales to the page.
  static let width = 1000.0

  /// One row per scan, in plan order: waiting, queued, running, and a mark where it
  /// ended in its ending's colour; polls as ticks; the provider's 429 pauses shaded
  /// across every row. Rows get thinner as scans grow in number, and names show only
  /// where they fit; every row names its scan in a tooltip.
  static func timeline(
    _ scans: [RunReport.Scan], pauses: [RunReport.Pause], length: Double
  ) -> String {
    guard !scans.isEmpty else { return "" }
    let row = scans.count <= 60 ? 18.0 : scans.count <= 400 ? 8.0 : 4.0
    let labels = row >= 14
    let axis = TimeAxis(length: length)
    let left = axis.left
    let top = 18.0
    let height = top + row * Double(scans.count) + 4
    let x = axis.x
    var svg =
      "<svg viewBox=\"0 0 \(HTML.number(width)) \(HTML.number(height))\" role=\"img\" "
      + "aria-label=\"timeline of \(scans.count) scans\">\n<g class=\"axis\">"
    for tick in HTML.ticks(upTo: length) {
      svg +=
        "<line x1=\"\(HTML.number(x(tick)))\" x2=\"\(HTML.number(x(tick)))\" y1=\"14\" "
        + "y2=\"\(HTML.number(height))\"/><text x=\"\(HTML.number(x(tick)))\" y=\"10\" "
        + "text-anchor=\"middle\">\(HTML.tickLabel(tick))</text>"
    }
    svg += "</g>\n"
    svg += axis.shaded(pauses, top: top, height: height - top)
    let bar = max(row - (row >= 8 ? 4 : 1), 1)
    for (index, scan) in scans.enumerated() {
      let y = top + row * Double(index) + (row - bar) / 2
      svg += "<g><title>\(HTML.escape(scanTitle(scan)))</title>"
      if labels {
        svg +=
          "<text x=\"\(HTML.number(left - 8))\" y=\"\(HTML.number(y + bar - 2))\" "
          + "text-anchor=\"end\">\(HTML.escape(clipped(scan.id)))</text>"
      }
      func segment(_ from: Double, _ to: Double, _ colour: String) {
        guard to > from else { return }
        svg +=
          "<rect x=\"\(HTML.number(x(from)))\" y=\"\(HTML.number(y))\" "
          + "width=\"\(HTML.number(max(x(to) - x(from), 0.5)))\" height=\"\(HTML.number(bar))\" "
          + "fill=\"\(colour)\"/>"
      }
      let end = scan.ended ?? length
      segment(0, scan.triggered ?? end, Colour.waiting)
      if let triggered = scan.triggered {
        segment(triggered, scan.running ?? end, Colour.queued)
        if let running = scan.running { segment(running, end, Colour.running) }
      }
      if let ended = scan.ended {
        svg +=
          "<rect x=\"\(HTML.number(x(ended) - 2))\" y=\"\(HTML.number(y - 1))\" width=\"4\" "
          + "height=\"\(HTML.number(bar + 2))\" fill=\"\(endColour(scan))\"/>"
      }
      for poll in scan.pollTimes {
        svg +=
          "<rect x=\"\(HTML.number(x(poll) - 0.5))\" y=\"\(HTML.number(y))\" width=\"1\" "
          + "height=\"\(HTML.number(bar))\" fill=\"\(Colour.poll)\" opacity=\"0.6\"/>"
      }
      svg += "</g>\n"
    }
    return svg + "</svg>\n"
  }

  /// A row's tooltip: the scan, how it ended and why, its polls.
  static func scanTitle(_ scan: RunReport.Scan) -> String {
    var parts = [scan.id, scan.status.rawValue.replacing("_", with: " ")]
    if let duration = scan.duration { parts.append(Markdown.duration(duration)) }
    parts.append(Counted.phrase(scan.pollTimes.count, "poll"))
    if let reason = scan.reason { parts.append(reason) }
    return parts.joined(separator: " · ")
  }

  /// A scan id short enough for the label column.
  static func clipped(_ id: String) -> String {
    id.count <= 28 ? id : String(id.prefix(27)) + "…"
  }
}
