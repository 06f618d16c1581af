namespace Ctem.Engine.Scoping;

/// <summary>The commented starter <c>ctem.yaml</c> that <c>ctem init</c> writes: every key explained, one example product.</summary>
public static class StarterScope
{
    public const string Text = """
        # ctem.yaml: the scope of continuous threat exposure management (the Scoping stage).
        # Which products Ctem watches, how much each matters to the business, and how fast findings must be fixed.
        # Reference: docs/cli.md, "The scope file ctem.yaml"; JSON Schema: schemas/ctem.schema.json.
        # Keys are case-sensitive and unknown keys are errors. Quote text YAML would read as a number or a
        # boolean: version: "1.10", not version: 1.10.

        # products (required): the software you ship or run; may be an empty list.
        products:
          # name (required): unique in this file; the name 'ctem scan --product NAME' records findings under.
          - name: payments-api
            # description (optional): what the product is, in one line.
            description: Card payment API behind the web shop and the mobile apps
            # owner (optional): who answers for the product's exposure.
            owner:
              # team (optional): the owning team.
              team: payments
              # contact (optional): how to reach it: an e-mail address, a chat channel, a URL.
              contact: payments-team@example.com
            # owners (optional): teams that own some of the product's components, by purl pattern (* is any text);
            # the first match wins. match (required): the pattern; team (required): the owning team.
            owners:
              - match: "pkg:npm/@acme/*"
                team: web-platform
            # codeowners (optional): a CODEOWNERS file, relative to this file, naming owners of the files findings
            # are found in (lockfiles, manifests, source); used after owners, before the product's team:
            # codeowners: .github/CODEOWNERS
            # criticality (optional): how much the business depends on it: low, medium, high or critical.
            criticality: high
            # dataSensitivity (optional): the most sensitive data it handles: public, internal, confidential or restricted.
            dataSensitivity: confidential
            # crownJewel (optional, default false): true for the few assets whose compromise would be a disaster.
            crownJewel: true
            # releases (optional): the versions still in use. version (required) is unique within the product;
            # status (optional) is free text, such as supported or end-of-life.
            releases:
              - version: "2.4.0"
                status: supported
              - version: "2.3.1"
                status: end-of-life
            # deployments (optional): where the product runs.
            #   name (required): unique within the product.
            #   environment (required): production, staging, development or test.
            #   internetFacing (optional, default false): true when reachable from the internet.
            #   customers (optional): who uses this deployment.
            #   connects (optional): what it talks to, for attack paths ('ctem paths'): data stores, integrations,
            #   services an SBOM declares, or other deployments as product/deployment.
            #   targets (optional): what 'ctem discover' and 'ctem validate' contact: host names, IP addresses,
            #   CIDR ranges and http(s) URLs, each optionally with :PORT; only what scope.allow covers is contacted.
            #   reachableFrom (optional): the entry points of attack paths that reach it: internet, partner,
            #   internal, ci; default [internet] when internetFacing, else [internal]; [] when only the
            #   deployments that connect to it reach it. Endpoints that scanners report are placed by targets.
            deployments:
              - name: eu-public
                environment: production
                internetFacing: true
                customers: Retail customers in the EU
                connects: [payments-api/back-office, card-processor, orders-db]
                targets: ["https://pay.example.com", "203.0.113.10:443"]
              - name: back-office
                environment: production
                internetFacing: false
                customers: Finance staff, on the internal network
                reachableFrom: [internal, partner]

        # integrations (optional): third-party services the products use. name (required, unique); kind (optional):
        # api, saas, database, queue, identity or other; endpoint (optional): its URL; data (optional): the data
        # stores it holds or reaches; secrets (optional): secret-scanner rules whose leaks open it, besides the
        # provider its name and endpoint imply (a leaked Stripe key opens an integration at api.stripe.com).
        integrations:
          - name: card-processor
            kind: api
            endpoint: https://api.stripe.com
            data: [card-data]

        # data (optional): data stores. name (required, unique); classification (optional): public, internal,
        # confidential or restricted; crownJewel (optional, default false): what attack paths lead to.
        data:
          - name: orders-db
            classification: restricted
            crownJewel: true

        # scope (optional): the only places active discovery and validation may contact, in the notation of
        # targets. allow: nothing outside it is ever contacted (without it, nothing is); deny: nothing inside it is,
        # whatever allow says. A host name in allow permits the addresses it resolves to; a name outside allow only
        # reaches addresses that allow covers.
        scope:
          allow: ["pay.example.com", "203.0.113.0/24"]
          deny: ["203.0.113.1"]

        # validation (optional): checks: a directory of more validation checks for 'ctem validate' (nuclei-style YAML,
        # docs/cli.md "Validation checks"), relative to this file, run beside the built-in ones. For example:
        # validation:
        #   checks: checks

        # sla (optional): the days allowed to remediate a finding, by priority: whole days, 0 or more.
        # A key left out keeps its default, shown here.
        sla:
          critical: 7
          high: 30
          medium: 90
          low: 180

        # acceptance (optional): maxDays is the longest a risk may be accepted ('ctem accept ... --until DATE'), default 90.
        acceptance:
          maxDays: 90

        # priorities (optional): the lowest risk score (0-100) of each priority; below medium a finding is low.
        # The risk score and its factors: docs/cli.md, "Risk score and priority". Defaults shown here.
        priorities:
          critical: 70
          high: 50
          medium: 25

        # riskWeights (optional): the relative weight (a number, 0 or more) of each factor in a finding's risk score.
        # A key left out keeps its default, shown here; the defaults sum to 1.
        riskWeights:
          # cvss: the severity the CVSS vector gives.
          cvss: 0.30
          # epss: the probability of exploitation in the next 30 days (FIRST EPSS).
          epss: 0.20
          # kev: listed in CISA's Known Exploited Vulnerabilities catalogue.
          kev: 0.20
          # ssvc: the SSVC decision (Track, Track*, Attend, Act).
          ssvc: 0.10
          # criticality: the product's criticality and crown-jewel status, above.
          criticality: 0.10
          # exposure: an internet-facing production deployment.
          exposure: 0.05
          # dependency: a direct rather than a transitive dependency.
          dependency: 0.05
          # nonRuntimeScope: not a weight but a multiplier (0 to 1) of the whole score when the dependency only
          # serves development or tests and does not ship with the product.
          nonRuntimeScope: 0.5
          # inferredVersion: a multiplier (0 to 1) of the whole score when the affected version is inferred, not
          # stated: the Go standard library at a go.mod's minimum 'go' version when it names no 'toolchain'.
          inferredVersion: 0.75
          # offPath: a multiplier (0 to 1) of the whole score when no attack path to a crown jewel ('ctem paths')
          # goes through the finding; only in products whose graph has a crown jewel (data[].crownJewel).
          offPath: 0.75

        # notifications (optional): where Ctem tells people about findings, after scan, ingest, db update and
        # db import, and on 'ctem notify'. Each event is sent once per channel; a re-run does not repeat it.
        # Secrets never go in this file: secretEnv, urlEnv and passwordEnv name the environment variables holding them.
        # notifications:
        #   # dueSoonDays (optional, default 7): how early sla-due-soon and acceptance-expiring fire.
        #   dueSoonDays: 7
        #   # channels: the places to send to.
        #   channels:
        #     # name (required): unique; what 'already sent' is remembered under.
        #     # type (required): webhook (signed JSON), slack (an incoming webhook) or email (SMTP).
        #     # on (optional, default all): new-finding, kev, sla-breached, sla-due-soon, acceptance-expiring.
        #     # minPriority (optional, default high): findings below it are not sent: low, medium, high or critical.
        #     # products, owners (optional): only findings of these products, owned by these teams.
        #     - name: security-hook
        #       type: webhook
        #       # url: the only address called (https://; http:// only to a loopback address); redirects are not followed.
        #       url: https://hooks.example.com/ctem
        #       # secretEnv (webhook, required): the variable holding the HMAC-SHA256 key of X-Ctem-Signature.
        #       secretEnv: CTEM_WEBHOOK_SECRET
        #       on: [new-finding, kev, sla-breached]
        #       minPriority: high
        #       products: [payments-api]
        #     # urlEnv: instead of url, the variable holding a URL that embeds a token (Slack's do).
        #     - name: payments-slack
        #       type: slack
        #       urlEnv: CTEM_SLACK_WEBHOOK_URL
        #       owners: [payments]
        #     # smtp (email, required): host (required), port (default 587, 465 with tls),
        #     # security (starttls, tls or none; default starttls), username and passwordEnv (both or neither).
        #     # from, to (email, required): the sender and the recipients.
        #     - name: security-mail
        #       type: email
        #       smtp: {host: smtp.example.com, port: 587, security: starttls, username: ctem, passwordEnv: CTEM_SMTP_PASSWORD}
        #       from: ctem@example.com
        #       to: [security@example.com]
        #       on: [sla-breached, acceptance-expiring]

        # tickets (optional): where 'ctem tickets sync' files tickets for the open findings, and follows them back.
        # Tokens are never written here: tokenEnv and emailEnv name the environment variables that hold them.
        # tickets:
        #   # groupBy (optional): action (default), one ticket per upgrade of 'ctem plan'; or finding, one per finding.
        #   groupBy: action
        #   # github (optional): GitHub Issues. repository (required): owner/name. tokenEnv (default GITHUB_TOKEN).
        #   # apiUrl (default https://api.github.com). labels (default [ctem]): the first finds Ctem's issues again.
        #   github:
        #     repository: acme/security
        #     tokenEnv: GITHUB_TOKEN
        #   # jira (optional): Jira Cloud. site, project (the key), emailEnv and tokenEnv (required); issueType
        #   # (default Bug); labels (default [ctem]).
        #   jira:
        #     site: https://acme.atlassian.net
        #     project: SEC
        #     emailEnv: JIRA_EMAIL
        #     tokenEnv: JIRA_API_TOKEN
        #     issueType: Bug
        #   # routes (optional): findings of a product, or owned by a team (owner), go to this tracker (github or
        #   # jira) and repository or project; the first match wins, the rest go to github (else jira).
        #   routes:
        #     - product: payments-api
        #       tracker: jira
        #       project: PAY
        #     - owner: web-platform
        #       tracker: github
        #       repository: acme/web

        # schedules (optional): the continuous jobs 'ctem serve --scope ctem.yaml' runs (Quartz.NET; on PostgreSQL
        # every trigger fires once across all the servers sharing the database). cron (required): a Quartz cron
        # expression, seconds first ("sec min hour day-of-month month day-of-week [year]"; ? for "any" in one of
        # the two day fields). timeZone (optional, default UTC): an IANA name, here or per schedule.
        # schedules:
        #   timeZone: Europe/Berlin
        #   # dbUpdate: 'ctem db update' on a schedule, then re-analysis of what the new advisories touch.
        #   # sources (default osv, kev, epss), ecosystems (OSV names), urls (mirrors, per source), retries (default 3).
        #   dbUpdate:
        #     - cron: "0 0 3 * * ?"
        #       sources: [osv, kev, epss]
        #       ecosystems: [npm, PyPI]
        #     - cron: "0 0 */6 * * ?"
        #       sources: [kev]
        #       urls: {kev: https://mirror.example.com/kev.json}
        #   # rescans: 'ctem scan PATH --product P --source S' on a schedule; one per product and source. paths: SBOM
        #   # files or directories (relative to this file); or url: an SBOM downloaded (with retries) and scanned.
        #   rescans:
        #     - product: payments-api
        #       source: nightly-sbom
        #       cron: "0 30 2 * * ?"
        #       url: https://artifacts.example.com/payments-api/sbom.cdx.json
        #     - product: payments-api
        #       source: checkout
        #       cron: "0 0 4 ? * MON-FRI"
        #       paths: [../checkout]
        #   # notify: 'ctem notify' on a schedule: SLA breaches and due dates, and every event the channels take.
        #   notify:
        #     cron: "0 0 8 ? * MON-FRI"

        """;
}
