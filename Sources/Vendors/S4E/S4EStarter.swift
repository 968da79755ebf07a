extension S4E {
  /// What `scanplan init --provider s4e` writes: an asset with a web scan and a TLS scan.
  static let starter = """
    providers:
      s4e:
        type: s4e
        token: ${S4E_API_TOKEN}          # an environment reference, never the token itself
        requests_per_second: 1

    profiles:
      web:
        scan_type: web_app
        options: { max_depth: 5 }

    assets:
      - name: my-site
        provider: s4e
        asset_id: 00000000-0000-4000-8000-000000000001   # your S4E asset's id
        tags: [prod]
        scans:
          - profile: web
            fail_on: { critical: 1, high: 1 }
          - name: tls
            scan_type: ssl

    """
}
