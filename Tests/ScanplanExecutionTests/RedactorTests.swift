import ScanplanExecution
import ScanplanSupport
import Testing

/// No secret is printed: every occurrence goes, whatever is around it.
@Suite struct RedactorTests {
  @Test(arguments: [
    ("no secret here", "no secret here"),
    ("Bearer s4e-secret-token", "Bearer ***"),
    ("s4e-secret-token", "***"),
    ("a s4e-secret-token b s4e-secret-token", "a *** b ***"),
    ("s4e-secret-tokens4e-secret-token", "******"),
    // The longer secret, which holds the shorter, goes whole.
    ("key=s4e-secret-token-2 and s4e-secret", "key=*** and ***"),
    ("é s4e-secret-token ü", "é *** ü"),
    // A combining mark after it does not hide it.
    ("s4e-secret-token\u{301}", "***\u{301}"),
    // A prefix of a secret is no secret, unless it is one itself.
    ("s4e-secret-toke", "***-toke"),
    ("s4e-secre", "s4e-secre"),
    ("", ""),
  ])
  func everyOccurrenceIsReplaced(_ text: String, _ expected: String) {
    let redactor = Redactor(secrets: ["s4e-secret-token", "s4e-secret-token-2", "", "s4e-secret"])
    #expect(redactor.redact(text) == expected)
  }

  @Test func noSecretsLeavesTheTextAsItIs() {
    #expect(Redactor(secrets: []).redact("s4e-secret-token") == "s4e-secret-token")
    #expect(Redactor(secrets: [""]).redact("abc") == "abc")
  }

  /// Random texts built of pieces of the secrets never keep one.
  @Test func noSecretSurvivesInRandomTexts() {
    let secrets = ["tok-ABC123", "ABC", "zz\u{1F600}zz", "123tok"]
    let redactor = Redactor(secrets: secrets)
    var random = SeededRandom(seed: 7)
    let pieces = ["tok-", "ABC", "123", "zz", "\u{1F600}", "tok", "x", " ", "é"]
    for _ in 0..<2000 {
      var text = ""
      for _ in 0..<random.below(12) { text += pieces[random.below(pieces.count)] }
      let redacted = redactor.redact(text)
      for secret in secrets {
        #expect(!redacted.utf8.elementsEqual(secret.utf8) && !redacted.contains(secret))
      }
    }
  }
}
