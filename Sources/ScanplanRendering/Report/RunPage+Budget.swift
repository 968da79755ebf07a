import ScanplanReport

extension RunPage {
  /// A provider's requests per second over the run, as bars, against its configured
  /// rate (the dashed line), with its 429 pauses shaded.
  static func budgetChart(_ provider: RunReport.Provider, length: Double) -> String {
    guard !provider.requestCounts.isEmpty else { return "" }
    let axis = TimeAxis(length: length)
    let left = axis.left
    let height = 70.0
    let top = 8.0
    let bottom = height - 14
    let interval = Double(max(provider.intervalSeconds, 1))
    let rates = provider.requestCounts.map { Double($0) / interval }
    let scale = max(rates.max() ?? 0, provider.rate, 0.001) * 1.1
    let x = axis.x
    func y(_ rate: Double) -> Double { bottom - (bottom - top) * rate / scale }
    var svg =
      "<svg viewBox=\"0 0 \(HTML.number(width)) \(HTML.number(height))\" role=\"img\" "
      + "aria-label=\"requests per second sent to \(HTML.escape(provider.name))\">\n"
    svg +=
      "<text x=\"\(HTML.number(left - 8))\" y=\"\(HTML.number(y(provider.rate) + 4))\" "
      + "text-anchor=\"end\">budget \(HTML.number(provider.rate))/s</text>"
      + "<text x=\"\(HTML.number(left - 8))\" y=\"\(HTML.number(bottom))\" "
      + "text-anchor=\"end\">requests sent/s</text>"
    svg += axis.shaded(provider.pauses, top: top, height: bottom - top)
    let barWidth = max(axis.plot * interval / length - 0.5, 0.5)
    for (index, rate) in rates.enumerated() where rate > 0 {
      let from = Double(index) * interval
      svg +=
        "<rect x=\"\(HTML.number(x(from)))\" y=\"\(HTML.number(y(rate)))\" "
        + "width=\"\(HTML.number(min(barWidth, x(length) - x(from))))\" "
        + "height=\"\(HTML.number(bottom - y(rate)))\" fill=\"\(Colour.running)\" opacity=\"0.75\">"
        + "<title>\(HTML.tickLabel(from)): \(HTML.requestsPerSecond(rate))</title></rect>"
    }
    svg +=
      "<line x1=\"\(HTML.number(left))\" x2=\"\(HTML.number(width - 10))\" "
      + "y1=\"\(HTML.number(y(provider.rate)))\" y2=\"\(HTML.number(y(provider.rate)))\" "
      + "stroke=\"\(Colour.bad)\" stroke-dasharray=\"4 3\"/>"
      + "<line x1=\"\(HTML.number(left))\" x2=\"\(HTML.number(width - 10))\" "
      + "y1=\"\(HTML.number(bottom))\" y2=\"\(HTML.number(bottom))\" stroke=\"#9ca3af\"/>"
    return svg + "\n</svg>\n"
  }
}
