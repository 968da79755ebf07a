extension Invicti {
  /// What `scanplan init --provider invicti` writes: a target scanned with the built-in
  /// Full Scan profile.
  static let starter = """
    providers:
      invicti:
        type: invicti
        base_url: https://platform.invicti.com   # or your own: https://HOST:3443
        token: ${INVICTI_API_TOKEN}              # an environment reference, never the token

    assets:
      - name: my-site
        provider: invicti
        target_id: 00000000-0000-4000-8000-000000000002   # your Invicti target's id
        user_authorized_to_scan: yes   # you state that scanning this target is authorized
        scans:
          - name: full
            profile_id: 11111111-1111-1111-1111-111111111111   # the built-in Full Scan
            fail_on: { critical: 1, high: 1 }

    """
}
