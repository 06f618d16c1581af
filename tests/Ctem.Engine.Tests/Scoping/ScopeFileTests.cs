using Ctem.Core.Model;
using System.Text;
using Ctem.Core.Diagnostics;
using Ctem.Core.Scoping;
using Ctem.Engine.Scoping;
using Xunit;

namespace Ctem.Engine.Tests.Scoping;

public sealed class ScopeFileTests
{
    private const string Path = "ctem.yaml";

    private const string Minimal = """
        products:
          - name: shop
        """;

    /// <summary>Invalid documents, each with the one diagnostic expected: its "line:column" and message.</summary>
    public static TheoryData<string, string, string> InvalidDocuments => new()
    {
        { "prodcts: []", "1:1", "unknown key 'prodcts'; did you mean 'products'?" },
        { "products: []\nfoo: 1", "2:1", "unknown key 'foo'; known keys: products, sla, priorities, riskWeights, vex, acceptance, notifications, tickets, schedules, integrations, data, scope, validation" },
        { "sla: {}", "1:1", "missing required key 'products' (the list of products in scope)" },
        { "products:", "1:10", "products: has no value (the list of products in scope)" },
        { "products: shop", "1:11", "products: expected a list, found string 'shop'" },
        { "- shop", "1:1", "expected a mapping of products, sla, priorities, riskWeights, vex, acceptance, notifications, tickets, schedules, integrations, data, scope, validation, found a list" },
        { "products:\n  - description: x", "2:5", "products[0]: missing required key 'name'" },
        { "products:\n  - name: \"\"", "2:11", "products[0].name: must not be empty" },
        { "products:\n  - name: 2048", "2:11", "products[0].name: expected a string, found the number 2048; quote it (\"2048\") to mean the text" },
        { "products:\n  - name: [a]", "2:11", "products[0].name: expected a string, found a list" },
        { "products:\n  - name: shop\n    critcality: high", "3:5", "products[0]: unknown key 'critcality'; did you mean 'criticality'?" },
        { "products:\n  - name: shop\n    CrownJewel: true", "3:5", "products[0]: unknown key 'CrownJewel'; did you mean 'crownJewel'?" },
        { "products:\n  - name: shop\n    criticality: hihg", "3:18", "products[0].criticality: 'hihg' is not one of low, medium, high, critical; did you mean 'high'?" },
        { "products:\n  - name: shop\n    criticality: urgent", "3:18", "products[0].criticality: 'urgent' is not one of low, medium, high, critical" },
        { "products:\n  - name: shop\n    dataSensitivity: secret", "3:22", "products[0].dataSensitivity: 'secret' is not one of public, internal, confidential, restricted" },
        { "products:\n  - name: shop\n    crownJewel: yes", "3:17", "products[0].crownJewel: expected true or false, found string 'yes'" },
        { "products:\n  - name: shop\n    owners: [{match: lodash, team: a}]", "3:22", "products[0].owners[0].match: 'lodash' is not a purl pattern; write it as pkg:TYPE/NAMESPACE/NAME with * for any text (pkg:npm/@acme/*)" },
        { "products:\n  - name: shop\n    owners: [{match: \"pkg:npm/*\"}]", "3:14", "products[0].owners[0]: missing required key 'team'" },
        { "products:\n  - name: shop\n    owner: payments", "3:12", "products[0].owner: expected a mapping of team, contact, found string 'payments'" },
        { "products:\n  - name: shop\n    owner: {team: a, mail: b}", "3:22", "products[0].owner: unknown key 'mail'; known keys: team, contact" },
        { "products:\n  - name: shop\n    releases:\n      - status: supported", "4:9", "products[0].releases[0]: missing required key 'version'" },
        { "products:\n  - name: shop\n    releases:\n      - version: 1.10", "4:18", "products[0].releases[0].version: expected a string, found the number 1.10; quote it (\"1.10\") to mean the text" },
        { "products:\n  - name: shop\n    releases: [{version: \"1\"}, {version: \"1\"}]", "3:42", "products[0].releases[1].version: duplicate release '1'" },
        { "products:\n  - name: shop\n    deployments:\n      - name: eu", "4:9", "products[0].deployments[0]: missing required key 'environment' (production, staging, development, test)" },
        { "products:\n  - name: shop\n    deployments:\n      - {name: eu, environment: prod}", "4:33", "products[0].deployments[0].environment: 'prod' is not one of production, staging, development, test" },
        { "products:\n  - name: shop\n    deployments:\n      - {name: eu, environment: test, internetFacing: 1}", "4:55", "products[0].deployments[0].internetFacing: expected true or false, found number 1" },
        { "products:\n  - name: shop\n    deployments:\n      - {name: eu, environment: test}\n      - {name: eu, environment: staging}", "5:16", "products[0].deployments[1].name: duplicate deployment name 'eu'" },
        { "products:\n  - name: shop\n  - name: shop", "3:11", "products[1].name: duplicate product name 'shop' (first at 2:11)" },
        { "products: []\nsla:\n  high: -1", "3:9", "sla.high: -1 days is negative; an SLA is 0 days or more" },
        { "products: []\nsla:\n  high: 2.5", "3:9", "sla.high: expected a whole number of days, found number 2.5" },
        { "products: []\nsla:\n  high: \"30\"", "3:9", "sla.high: expected a whole number of days, found string '30'" },
        { "products: []\nsla:\n  urgent: 1", "3:3", "sla: unknown key 'urgent'; known keys: critical, high, medium, low" },
        { "products: []\nsla: 30", "2:6", "sla: expected a mapping of critical, high, medium, low, found number 30" },
        { "products: []\nriskWeights:\n  cvss: high", "3:9", "riskWeights.cvss: expected a number, found string 'high'" },
        { "products: []\nriskWeights:\n  epss: \"0.2\"", "3:9", "riskWeights.epss: expected a number, found string '0.2'" },
        { "products: []\nriskWeights:\n  kev: -0.1", "3:8", "riskWeights.kev: -0.1 is out of range; expected a finite number, 0 or more" },
        { "products: []\nriskWeights:\n  kev: .inf", "3:8", "riskWeights.kev: .inf is out of range; expected a finite number, 0 or more" },
        { "products: []\nriskWeights:\n  cvs: 1", "3:3", "riskWeights: unknown key 'cvs'; did you mean 'cvss'?" },
        { "products: []\nriskWeights:\n  nonRuntimeScope: 1.5", "3:20", "riskWeights.nonRuntimeScope: 1.5 is out of range; expected a number from 0 to 1" },
        { "products: []\nriskWeights: {cvss: 0, epss: 0, kev: 0, ssvc: 0, criticality: 0, exposure: 0, dependency: 0}", "2:14", "riskWeights: every factor weight is 0, so no score can be computed; give at least one factor a weight above 0" },
        { "products: []\npriorities:\n  high: 101", "3:9", "priorities.high: 101 is out of range; expected a number from 0 to 100" },
        { "products: []\npriorities: {critical: 40, high: 50}", "2:13", "priorities: thresholds must not rise from critical to medium, found critical 40, high 50, medium 25" },
        { "products: []\npriorities: {low: 10}", "2:14", "priorities: unknown key 'low'; known keys: critical, high, medium" },
        { "products: [", "2:1", "invalid YAML: While parsing a node, did not find expected node content." },
        { "products: []\nproducts: []", "2:1", "invalid YAML: Duplicate key products" },
        { "products: []\n---\nproducts: []", "3:1", "expected one YAML document, found 2" },
        { "# only a comment\n", "1:1", "the scope file is empty; 'ctem init' writes a commented starter" },
        { "products: [*nowhere]", "1:12", "invalid YAML: the alias *nowhere refers to no anchor before it" },
        { "products: []\nvalidation: {dir: x}", "2:14", "validation: unknown key 'dir'; known keys: checks" },
        { "products: []\nvalidation: {checks: [a, b]}", "2:22", "validation.checks: expected a string, found a list" },
        { "products: []\nvex: {auto: [fixd]}", "2:14", "vex.auto[0]: expected one of component_not_present, fixed, not_reproduced, found string 'fixd'; did you mean 'fixed'?" },
        { "products: []\nvex: {author: {contact: a@b.c}}", "2:15", "vex.author: missing required key 'name'" },
        { "products: []\nvex: {signer: x}", "2:7", "vex: unknown key 'signer'; known keys: author, supplier, auto" },
        { "products: []\nscope: {allow: [10.0.0.0/33]}", "2:17", "scope.allow[0]: '10.0.0.0/33' is not a CIDR range (such as 10.0.0.0/24)" },
        { "products: []\nscope: {deny: [\"db:99999\"]}", "2:16", "scope.deny[0]: '99999' in 'db:99999' is not a port (1–65535)" },
        { "products: []\nscope: {allow: [\"ftp://x\"]}", "2:17", "scope.allow[0]: 'ftp://x' is not an http:// or https:// URL" },
        { "products: []\nscope: {allow: [\"a b\"]}", "2:17", "scope.allow[0]: 'a b' is not a host name, an IP address, a CIDR range or a URL" },
        { "products: []\nscope: {allow: [443]}", "2:17", "scope.allow[0]: expected a host, IP address, CIDR range or URL, found number 443" },
        { "products: []\nscope: {permit: []}", "2:9", "scope: unknown key 'permit'; known keys: allow, deny" },
        { "products:\n  - name: a\n    deployments: [{name: d, environment: test, targets: [\"[::1\"]}]", "3:58", "products[0].deployments[0].targets[0]: '[::1' has no closing ']'" },
    };

    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public void Load_InvalidDocument_ReportsMessageAtLineColumn(string yaml, string location, string message)
    {
        var result = ScopeFile.Load(Path, yaml);

        Assert.Null(result.Document);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Error, ScopeFile.DiagnosticCode, Path, location), (diagnostic.Severity, diagnostic.Code, diagnostic.Path, diagnostic.Location));
        Assert.StartsWith(message, diagnostic.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The invalid documents whose fault the JSON schema can express. It cannot express uniqueness of names within lists,
    /// relations between values (thresholds in order, not every weight 0), nor what YAML itself rejects.
    /// </summary>
    public static TheoryData<string> SchemaExpressibleInvalidDocuments =>
        [.. InvalidDocuments.Select(row => ((string)row[0], (string)row[2])).Where(row => SchemaCanExpress(row.Item2)).Select(row => row.Item1)];

    [Theory]
    [MemberData(nameof(SchemaExpressibleInvalidDocuments))]
    public void Schema_InvalidDocument_IsRejected(string yaml) => Assert.NotEmpty(ScopeSchema.Errors(yaml));

    [Fact]
    public void Load_ManyErrors_ReportsEveryOneInDocumentOrder()
    {
        const string yaml = """
            products:
              - name: shop
                criticality: hihg
                crownJewel: maybe
                deployments:
                  - {name: eu, environment: prod}
              - name: shop
            sla: {high: -5, low: x}
            riskWeights: {cvss: a, colour: 1}
            extra: 1
            """;

        var result = ScopeFile.Load(Path, yaml);

        Assert.Null(result.Document);
        Assert.Equal(
            [
                "ctem.yaml:3:18: products[0].criticality: 'hihg' is not one of low, medium, high, critical; did you mean 'high'?",
                "ctem.yaml:4:17: products[0].crownJewel: expected true or false, found string 'maybe'",
                "ctem.yaml:6:33: products[0].deployments[0].environment: 'prod' is not one of production, staging, development, test",
                "ctem.yaml:7:11: products[1].name: duplicate product name 'shop' (first at 2:11)",
                "ctem.yaml:8:13: sla.high: -5 days is negative; an SLA is 0 days or more",
                "ctem.yaml:8:22: sla.low: expected a whole number of days, found string 'x'",
                "ctem.yaml:9:21: riskWeights.cvss: expected a number, found string 'a'",
                "ctem.yaml:9:24: riskWeights: unknown key 'colour'; known keys: cvss, epss, kev, ssvc, criticality, exposure, dependency, nonRuntimeScope, inferredVersion, offPath",
                "ctem.yaml:10:1: unknown key 'extra'; known keys: products, sla, priorities, riskWeights, vex, acceptance, notifications, tickets, schedules, integrations, data, scope, validation",
            ],
            result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Load_CodeOwners_ReadBesideTheScopeFileOrAnErrorAtTheKey()
    {
        const string yaml = "products:\n  - name: shop\n    codeowners: .github/CODEOWNERS";
        var scopePath = System.IO.Path.Combine("conf", "ctem.yaml");
        var expected = System.IO.Path.GetFullPath(System.IO.Path.Combine("conf", ".github/CODEOWNERS"));

        var read = ScopeFile.Load(scopePath, yaml, path => path == expected ? "*.json @sbom\n/web/ @web # the site" : null);
        var missing = ScopeFile.Load(scopePath, yaml, _ => null);
        var invalid = ScopeFile.Load(scopePath, yaml, _ => "*.json @sbom\n!*.md @docs");

        var product = Assert.Single(read.Document!.Products);
        Assert.Equal(".github/CODEOWNERS", product.CodeOwnersFile);
        Assert.Equal(["1 *.json @sbom", "2 /web/ @web"], product.CodeOwners.Select(r => $"{r.Line} {r.Pattern} {string.Join(' ', r.Owners)}"));
        Assert.Equal(("3:17", $"products[0].codeowners: cannot read the CODEOWNERS file .github/CODEOWNERS (looked for {expected})"), (Assert.Single(missing.Diagnostics).Location, missing.Diagnostics[0].Message));
        Assert.Equal("products[0].codeowners: .github/CODEOWNERS:2:1: '!*.md': negated patterns are not supported in CODEOWNERS", Assert.Single(invalid.Diagnostics).Message);
    }

    // Issue 13: the sample that shows owners, SLAs, the acceptance policy, tickets and notifications together is valid.
    [Fact]
    public void Load_MobilizationSample_EveryPartRead()
    {
        var path = System.IO.Path.Combine(Ctem.Testing.RepoPaths.Samples, "mobilization", "ctem.yaml");
        var text = File.ReadAllText(path);

        var result = ScopeFile.Load(path, text, related => File.Exists(related) ? File.ReadAllText(related) : null);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(ScopeSchema.Errors(text));
        var scope = result.Document!;
        var harp = Assert.Single(scope.Products);
        Assert.Equal((2, 1, "platform"), (harp.ComponentOwners.Count, harp.CodeOwners.Count, harp.Owner!.Team));
        Assert.Equal((60, 60), (scope.Sla.Medium, scope.Acceptance.MaxDays));
        Assert.NotNull(scope.Tickets);
        Assert.Equal(3, scope.Notifications.Channels.Count);
    }

    [Fact]
    public void Load_StarterScope_HasNoDiagnostics()
    {
        var result = ScopeFile.Load(Path, StarterScope.Text);

        Assert.Empty(result.Diagnostics);
        var product = Assert.Single(result.Document!.Products);
        Assert.Equal(("payments-api", Criticality.High, DataSensitivity.Confidential, true), (product.Name, product.Criticality, product.DataSensitivity, product.CrownJewel));
        Assert.Equal(new ProductOwner("payments", "payments-team@example.com"), product.Owner);
        Assert.Equal([new ProductRelease("2.4.0", "supported"), new ProductRelease("2.3.1", "end-of-life")], product.Releases);
        Assert.Collection(
            product.Deployments,
            d => Assert.Equal(("eu-public", DeploymentEnvironment.Production, true), (d.Name, d.Environment, d.InternetFacing)),
            d => Assert.Equal(("back-office", DeploymentEnvironment.Production, false), (d.Name, d.Environment, d.InternetFacing)));
        Assert.Equal(RemediationSla.Default, result.Document.Sla);
        Assert.Equal(RiskWeights.Default, result.Document.RiskWeights);
    }

    [Fact]
    public void Schema_StarterScope_IsValid()
    {
        Assert.Empty(ScopeSchema.Errors(StarterScope.Text));
    }

    [Fact]
    public void Load_ValidationChecks_IsTheDirectoryAsWritten()
    {
        var loaded = ScopeFile.Load("ctem.yaml", "products: []\nvalidation: {checks: security/checks}");

        Assert.Empty(loaded.Diagnostics);
        Assert.Equal(new ValidationSettings("security/checks"), loaded.Document!.Validation);
        Assert.Equal(ValidationSettings.None, ScopeFile.Load("ctem.yaml", "products: []").Document!.Validation);
    }

    [Fact]
    public void StarterScope_EveryKeyOfTheFormat_IsExplainedInAComment()
    {
        var comments = string.Join("\n", StarterScope.Text.Split('\n').Where(l => l.TrimStart().StartsWith('#')));
        string[] keys =
        [
            "products", "name", "description", "owner", "team", "contact", "owners", "match", "codeowners", "criticality", "dataSensitivity", "crownJewel",
            "releases", "version", "status", "deployments", "environment", "internetFacing", "customers", "connects",
            "integrations", "kind", "endpoint", "data", "secrets", "classification", "targets", "reachableFrom", "scope", "allow", "deny", "validation", "checks",
            "sla", "acceptance", "maxDays", "riskWeights", "cvss", "epss", "kev", "ssvc", "exposure", "dependency",
            "notifications", "dueSoonDays", "channels", "type", "on", "minPriority", "products", "owners", "url", "urlEnv", "secretEnv",
            "smtp", "host", "port", "security", "username", "passwordEnv", "from", "to",
            "tickets", "groupBy", "github", "repository", "tokenEnv", "apiUrl", "labels", "jira", "site", "project", "emailEnv", "issueType", "routes", "tracker",
            "schedules", "timeZone", "dbUpdate", "cron", "sources", "ecosystems", "urls", "retries", "rescans", "source", "paths", "notify",
        ];
        Assert.All(keys, key => Assert.Contains($"{key}", comments, StringComparison.Ordinal));
    }

    public static TheoryData<string, ScopeDocument> ValidDocuments => new()
    {
        { Minimal, new ScopeDocument([Product("shop")], RemediationSla.Default, RiskWeights.Default) },
        { "products: []", new ScopeDocument([], RemediationSla.Default, RiskWeights.Default) },
        { "products: []\nsla:\nriskWeights: ~", new ScopeDocument([], RemediationSla.Default, RiskWeights.Default) },
        { "products: []\nsla: {critical: 0, low: 365}", new ScopeDocument([], new RemediationSla(Critical: 0, Low: 365), RiskWeights.Default) },
        { "products: []\nriskWeights: {cvss: 1, epss: 0.5e0, kev: 0, dependency: 2}", new ScopeDocument([], RemediationSla.Default, new RiskWeights(Cvss: 1, Epss: 0.5, Kev: 0, Dependency: 2)) },
        { "products: []\nriskWeights: {nonRuntimeScope: 0}\npriorities: {critical: 90, medium: 10}", new ScopeDocument([], RemediationSla.Default, RiskWeights.Default with { NonRuntimeScope = 0 }) { Priorities = new PriorityThresholds(Critical: 90, Medium: 10) } },
        {
            "products:\n  - name: \"2048\"\n    criticality: \"critical\"\n    crownJewel: False\n    releases: [{version: \"1.10\"}, {version: v2, status: ~}]",
            new ScopeDocument([Product("2048") with { Criticality = Criticality.Critical, Releases = [new("1.10", null), new("v2", null)] }], RemediationSla.Default, RiskWeights.Default)
        },
        {
            "products:\n  - name: api\n    owner: {team: core}\n    dataSensitivity: restricted\n    deployments:\n      - {name: ci, environment: test, customers: no}",
            new ScopeDocument([Product("api") with { Owner = new("core", null), DataSensitivity = DataSensitivity.Restricted, Deployments = [new("ci", DeploymentEnvironment.Test, false, "no")] }], RemediationSla.Default, RiskWeights.Default)
        },
        {
            "products:\n  - name: web\n    owners:\n      - {match: \"pkg:npm/@acme/*\", team: web}\n      - match: \"pkg:npm/*\"\n        team: node",
            new ScopeDocument([Product("web") with { ComponentOwners = [new("pkg:npm/@acme/*", "web"), new("pkg:npm/*", "node")] }], RemediationSla.Default, RiskWeights.Default)
        },
    };

    [Fact]
    public void Load_ScopeAndTargets_ReadsEveryNotation()
    {
        const string Yaml = "products:\n  - name: shop\n    deployments:\n      - {name: lab, environment: test, targets: [\"127.0.0.1:8080\", \"https://shop.test/login\", \"[::1]:443\"]}\nscope: {allow: [127.0.0.0/8, \"*.test\"], deny: [\"127.0.0.2\"]}";

        var result = ScopeFile.Load(Path, Yaml);

        Assert.Empty(result.Diagnostics);
        var targets = result.Document!.Products[0].Deployments[0].Targets;
        Assert.Equal(
            [("127.0.0.1/32", null, 8080), (null, "shop.test", 443), ("::1/128", null, 443)],
            targets.Select(t => (t.Network?.ToString(), t.HostName, t.Port)));
        Assert.Equal("/login", targets[1].Url!.AbsolutePath);
        var network = result.Document.Network;
        Assert.Equal(["127.0.0.0/8", "*.test"], network.Allow.Select(a => a.Text));
        Assert.Equal(["127.0.0.2"], network.Deny.Select(d => d.Text));
    }

    [Fact]
    public void Load_VexSection_ReadsAuthorSupplierAndAutoKinds()
    {
        const string Yaml = "products: []\nvex:\n  author: {name: ACME PSIRT, contact: psirt@acme.example, namespace: https://acme.example/vex}\n  supplier: {name: ACME}\n  auto: [component_not_present, fixed]";

        var result = ScopeFile.Load(Path, Yaml);

        Assert.Empty(result.Diagnostics);
        var vex = result.Document!.Vex;
        Assert.Equal((new VexParty("ACME PSIRT", "psirt@acme.example", "https://acme.example/vex"), new VexParty("ACME")), (vex.Author, vex.Supplier));
        Assert.Equal(["component_not_present", "fixed"], vex.Auto);
        Assert.Empty(ScopeSchema.Errors(Yaml));
    }

    [Theory]
    [MemberData(nameof(ValidDocuments))]
    public void Load_ValidDocument_ReadsEveryField(string yaml, ScopeDocument expected)
    {
        var result = ScopeFile.Load(Path, yaml);

        Assert.Empty(result.Diagnostics);
        var document = result.Document!;
        Assert.Equal((expected.Sla, expected.RiskWeights, expected.Products.Count), (document.Sla, document.RiskWeights, document.Products.Count));
        foreach (var (want, got) in expected.Products.Zip(document.Products))
        {
            Assert.Equal(want with { Releases = [], Deployments = [], ComponentOwners = [], CodeOwners = [] }, got with { Releases = [], Deployments = [], ComponentOwners = [], CodeOwners = [] });
            Assert.Equal(want.ComponentOwners, got.ComponentOwners);
            Assert.Equal(want.CodeOwners.Select(r => (r.Pattern, string.Join(' ', r.Owners), r.Line)), got.CodeOwners.Select(r => (r.Pattern, string.Join(' ', r.Owners), r.Line)));
            Assert.Equal(want.Releases, got.Releases);
            Assert.Equal(want.Deployments, got.Deployments);
        }
    }

    [Theory]
    [MemberData(nameof(ValidDocuments))]
    public void Schema_ValidDocument_IsValid(string yaml, ScopeDocument expected)
    {
        _ = expected;
        Assert.Empty(ScopeSchema.Errors(yaml));
    }

    [Fact]
    public void Load_AliasesWithinBounds_AreExpanded()
    {
        const string yaml = """
            products:
              - name: a
                owner: &owner {team: core, contact: core@example.com}
              - name: b
                owner: *owner
            """;

        var result = ScopeFile.Load(Path, yaml);

        Assert.Equal(result.Document!.FindProduct("a")!.Owner, result.Document.FindProduct("b")!.Owner);
    }

    [Fact]
    public void Load_AliasBomb_IsRefusedQuickly()
    {
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i <= 9; i++)
        {
            yaml.Append($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        }

        var result = ScopeFile.Load(Path, yaml.ToString());

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("the YAML expands past 100000 nodes (an alias bomb?); refused", diagnostic.Message);
        Assert.Equal("5:", diagnostic.Location![..2]);
    }

    [Theory]
    [InlineData(64, true)]
    [InlineData(65, false)]
    [InlineData(100_000, false)]
    public void Load_DeepNesting_IsRefusedPast64Levels(int depth, bool accepted)
    {
        var yaml = "products: []\nsla: " + new string('[', depth - 1) + new string(']', depth - 1);

        var result = ScopeFile.Load(Path, yaml);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(
            accepted ? "sla: expected a mapping of critical, high, medium, low, found a list" : "the YAML nests deeper than 64 levels; refused",
            diagnostic.Message);
        Assert.Equal(accepted ? "2:6" : "2:69", diagnostic.Location);
    }

    [Fact]
    public void Load_AliasToDeepNode_CountsItsDepth()
    {
        var deep = new string('[', 40) + new string(']', 40);
        var yaml = $"products: []\nsla: [&deep {deep}, [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[*deep]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]";

        var result = ScopeFile.Load(Path, yaml);

        Assert.Equal("the alias *deep expands to YAML nested deeper than 64 levels; refused", Assert.Single(result.Diagnostics).Message);
    }

    [Fact]
    public void FindProduct_ExactName_FindsItAndIsCaseSensitive()
    {
        var document = ScopeFile.Load(Path, "products:\n  - name: Shop\n  - name: api").Document!;

        Assert.Equal("Shop", document.FindProduct("Shop")?.Name);
        Assert.Null(document.FindProduct("shop"));
        Assert.Null(document.FindProduct("Sho"));
    }

    private static ScopeProduct Product(string name) =>
        new(name, null, null, Criticality.Unspecified, DataSensitivity.Unspecified, false, [], []);

    private static bool SchemaCanExpress(string message) =>
        !message.Contains("].targets[", StringComparison.Ordinal) && !(message.StartsWith("scope.", StringComparison.Ordinal) && message.Contains(": '", StringComparison.Ordinal)) && !message.StartsWith("invalid YAML", StringComparison.Ordinal) && !message.Contains("duplicate", StringComparison.Ordinal)
        && !message.StartsWith("priorities: thresholds", StringComparison.Ordinal) && !message.StartsWith("riskWeights: every factor", StringComparison.Ordinal)
        && !message.StartsWith("expected one YAML document", StringComparison.Ordinal) && !message.StartsWith("the scope file is empty", StringComparison.Ordinal);
}
