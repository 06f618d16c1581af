using Ctem.Core.Scoping;
using Ctem.Engine.Scoping;
using Xunit;

namespace Ctem.Engine.Tests.Scoping;

/// <summary>The exposure graph's scope keys: <c>deployments[].connects</c> and <c>reachableFrom</c>, <c>integrations:</c> and <c>data:</c>.</summary>
public sealed class ScopeFileExposureTests
{
    private const string Issue17Sample = """
        products:
          - name: shop
            deployments:
              - name: web
                environment: production
                internetFacing: true
                connects: [api/internal, payments]
          - name: api
            deployments:
              - name: internal
                environment: production
        integrations:
          - name: payments
            kind: api
            endpoint: https://api.payments.example
            data: [card-data]
            secrets: [stripe]
        data:
          - name: orders-db
            classification: restricted
            crownJewel: true
        """;

    [Fact]
    public void Load_IssueSample_ReadsConnectionsIntegrationsAndDataStores()
    {
        var result = ScopeFile.Load("ctem.yaml", Issue17Sample);

        Assert.Empty(result.Diagnostics);
        var scope = result.Document!;
        Assert.Equal(["api/internal", "payments"], scope.Products[0].Deployments[0].Connects);
        var payments = Assert.Single(scope.Integrations);
        Assert.Equal(("payments", IntegrationKind.Api, "https://api.payments.example"), (payments.Name, payments.Kind, payments.Endpoint));
        Assert.Equal(["card-data"], payments.Data);
        Assert.Equal(["stripe"], payments.Secrets);
        Assert.Equal(new ScopeDataStore("orders-db", DataSensitivity.Restricted, true), Assert.Single(scope.Data));
    }

    public static TheoryData<string, string[], bool> Reachability => new()
    {
        { "internetFacing: true", ["internet"], true },
        { "internetFacing: false", ["internal"], false },
        { "customers: staff", ["internal"], false },
        { "reachableFrom: [partner, internal, partner]", ["partner", "internal"], false },
        { "reachableFrom: [internet, ci]", ["internet", "ci"], true },
        { "reachableFrom: []", [], false },
        { "{internetFacing: true, reachableFrom: [internet, partner]}", ["internet", "partner"], true },
    };

    [Theory]
    [MemberData(nameof(Reachability))]
    public void Load_ReachableFrom_DefaultsFromInternetFacing(string keys, string[] entries, bool internetFacing)
    {
        var yaml = keys.StartsWith('{')
            ? $"products:\n  - name: shop\n    deployments:\n      - {{name: web, environment: production, {keys[1..^1]}}}"
            : $"products:\n  - name: shop\n    deployments:\n      - name: web\n        environment: production\n        {keys}";

        var result = ScopeFile.Load("ctem.yaml", yaml);

        Assert.Empty(result.Diagnostics);
        var deployment = result.Document!.Products[0].Deployments[0];
        Assert.Equal((string.Join(' ', entries), internetFacing), (string.Join(' ', deployment.Entries), deployment.InternetFacing));
    }

    public static TheoryData<string, string, string> Errors => new()
    {
        { Issue17Sample.Replace("connects: [api/internal, payments]", "reachableFrom: [internet, partners]", StringComparison.Ordinal), "7:35", "products[0].deployments[0].reachableFrom[1]: expected one of internet, partner, internal, ci, found string 'partners'; did you mean 'partner'?" },
        { Issue17Sample.Replace("connects: [api/internal, payments]", "reachableFrom: [internal]", StringComparison.Ordinal), "7:24", "products[0].deployments[0].reachableFrom: internetFacing is true but reachableFrom does not name internet; add it, or drop internetFacing" },
        { Issue17Sample.Replace("connects: [api/internal, payments]", "reachableFrom: internet", StringComparison.Ordinal), "7:24", "products[0].deployments[0].reachableFrom: expected a list, found string 'internet'" },
        { Issue17Sample.Replace("api/internal,", "api/internl,", StringComparison.Ordinal), "7:20", "products[0].deployments[0].connects[0]: no deployment 'api/internl' in this file (product/deployment); did you mean 'api/internal'?" },
        { Issue17Sample.Replace("kind: api", "kind: rest", StringComparison.Ordinal), "14:11", "integrations[0].kind: 'rest' is not one of api, saas, database, queue, identity, other" },
        { Issue17Sample.Replace("https://api.payments.example", "api.payments.example", StringComparison.Ordinal), "15:15", "integrations[0].endpoint: 'api.payments.example' is not an absolute URL (https://api.payments.example)" },
        { Issue17Sample.Replace("classification: restricted", "classification: secret", StringComparison.Ordinal), "20:21", "data[0].classification: 'secret' is not one of public, internal, confidential, restricted" },
        { Issue17Sample.Replace("crownJewel: true", "crownJewel: yes please", StringComparison.Ordinal), "21:17", "data[0].crownJewel: expected true or false, found string 'yes please'" },
        { Issue17Sample.Replace("data: [card-data]", "data: [1]", StringComparison.Ordinal), "16:12", "integrations[0].data[0]: expected a name, found number 1" },
        { Issue17Sample + "\n  - name: orders-db\n", "22:11", "data[1].name: duplicate data store name 'orders-db'" },
        { Issue17Sample.Replace("    kind: api", "    kinds: api", StringComparison.Ordinal), "14:5", "integrations[0]: unknown key 'kinds'; did you mean 'kind'?" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Load_BadExposureKey_SaysWhereAndWhy(string yaml, string location, string message)
    {
        var result = ScopeFile.Load("ctem.yaml", yaml);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((location, message), (diagnostic.Location, diagnostic.Message));
    }
}
