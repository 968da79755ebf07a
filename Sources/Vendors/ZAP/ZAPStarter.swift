extension ZAP {
  /// What `scanplan init --provider zap` writes: a crawl and an attack of one URL by a ZAP
  /// daemon beside the job.
  static let starter = """
    providers:
      zap:
        type: zap
        # The daemon: zap.sh -daemon -host 0.0.0.0 -port 8080 -config api.key=$ZAP_API_KEY
        base_url: http://localhost:8080
        api_key: ${ZAP_API_KEY}          # an environment reference, never the key itself

    assets:
      - name: my-site
        provider: zap
        url: https://app.example.test/   # the address ZAP crawls and attacks
        scans:
          - name: crawl
            scan_type: spider
          - name: attack
            scan_type: active              # crawls first, then attacks
            fail_on: { high: 1 }

    """
}
