import ScanplanPlan

/// The plan `scanplan init` writes: valid as it stands, with the schema line editors
/// read and the Invicti part ready to uncomment.
public enum StarterPlan {
  /// The file's text.
  public static var text: String {
    """
    # yaml-language-server: $schema=\(JSONSchemaGenerator.id)
    #
    # A scanplan plan. Validate it with `scanplan validate`, see the requests it would send
    # with `scanplan plan`, and try it against the built-in emulator with
    # `scanplan run --sandbox`. Every key: `scanplan docs plan-reference`.
    version: 1

    providers:
      s4e:
        type: s4e
        token: ${S4E_API_TOKEN}          # an environment reference, never the token itself
        requests_per_second: 1
      # invicti:
      #   type: invicti
      #   token: ${INVICTI_API_TOKEN}

    profiles:
      web:
        scan_type: web_app
        options: { max_depth: 5 }

    assets:
      - name: my-site
        provider: s4e
        asset_id: 00000000-0000-4000-8000-000000000001   # your S4E asset id
        tags: [prod]
        scans:
          - profile: web
          - name: tls
            scan_type: ssl
      # - name: my-api
      #   provider: invicti
      #   target_id: 00000000-0000-4000-8000-000000000002
      #   user_authorized_to_scan: yes
      #   scans:
      #     - profile_id: 00000000-0000-4000-8000-000000000003
      #       fail_on: { critical: 1 }

    """
  }
}
