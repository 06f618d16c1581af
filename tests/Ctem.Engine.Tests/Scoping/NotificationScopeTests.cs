using Ctem.Core.Diagnostics;
using Ctem.Core.Scoping;
using Ctem.Engine.Scoping;
using Xunit;

namespace Ctem.Engine.Tests.Scoping;

public sealed class NotificationScopeTests
{
    private const string Path = "ctem.yaml";

    private const string Head = "products:\n  - name: shop\n  - name: api\nnotifications:\n";

    /// <summary>Valid <c>notifications:</c> sections, each with its channels written as one line per channel.</summary>
    public static TheoryData<string, string[]> ValidSections => new()
    {
        { "", [] },
        { "  channels: []", [] },
        {
            "  channels:\n    - {name: hook, type: webhook, url: \"https://hooks.example.com/ctem\", secretEnv: CTEM_WEBHOOK_SECRET}",
            ["hook Webhook on=NewFinding,Kev,SlaBreached,SlaDueSoon,AcceptanceExpiring min=High products= owners= url=https://hooks.example.com/ctem urlEnv= secretEnv=CTEM_WEBHOOK_SECRET smtp="]
        },
        {
            "  dueSoonDays: 3\n  channels:\n    - {name: team.slack, type: slack, urlEnv: SLACK_URL, on: [kev, sla-breached, kev], minPriority: low, products: [api], owners: [payments]}",
            ["team.slack Slack on=Kev,SlaBreached min=Low products=api owners=payments url= urlEnv=SLACK_URL secretEnv= smtp="]
        },
        {
            "  channels:\n    - name: mail\n      type: email\n      smtp: {host: 127.0.0.1, port: 2525, security: none}\n      from: ctem@example.com\n      to: [a@example.com, b@example.com]",
            ["mail Email on=NewFinding,Kev,SlaBreached,SlaDueSoon,AcceptanceExpiring min=High products= owners= url= urlEnv= secretEnv= smtp=127.0.0.1:2525 None ctem@example.com>a@example.com,b@example.com user="]
        },
        {
            "  channels:\n    - name: mail\n      type: email\n      smtp: {host: smtp.example.com, security: tls, username: ctem, passwordEnv: SMTP_PASSWORD}\n      from: ctem@example.com\n      to: [sec@example.com]\n      on: [acceptance-expiring]",
            ["mail Email on=AcceptanceExpiring min=High products= owners= url= urlEnv= secretEnv= smtp=smtp.example.com:465 Tls ctem@example.com>sec@example.com user=ctem/SMTP_PASSWORD"]
        },
        {
            "  channels:\n    - {name: mail, type: email, smtp: {host: smtp.example.com}, from: c@example.com, to: [s@example.com]}",
            ["mail Email on=NewFinding,Kev,SlaBreached,SlaDueSoon,AcceptanceExpiring min=High products= owners= url= urlEnv= secretEnv= smtp=smtp.example.com:587 StartTls c@example.com>s@example.com user="]
        },
    };

    [Theory]
    [MemberData(nameof(ValidSections))]
    public void Load_ValidNotifications_ReadsEveryChannel(string section, string[] expected)
    {
        var result = ScopeFile.Load(Path, Head + section);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(expected, result.Document!.Notifications.Channels.Select(Describe));
        Assert.Equal(section.Contains("dueSoonDays: 3", StringComparison.Ordinal) ? 3 : 7, result.Document.Notifications.DueSoonDays);
    }

    [Theory]
    [MemberData(nameof(ValidSections))]
    public void Schema_ValidNotifications_IsValid(string section, string[] expected)
    {
        _ = expected;
        Assert.Empty(ScopeSchema.Errors(Head + section));
    }

    /// <summary>Invalid channels (each a list item under <c>channels:</c>, at line 6), with the one diagnostic expected.</summary>
    public static TheoryData<string, string, string> InvalidChannels => new()
    {
        { "{name: hook, type: webhook, url: \"https://h.example.com\"}", "6:7", "notifications.channels[0]: missing required key 'secretEnv'" },
        { "{name: hook, type: webhook, url: \"https://h.example.com\", secretEnv: \"s3cr3t!\"}", "6:76", "notifications.channels[0].secretEnv: not an environment variable name (letters, digits and _, not starting with a digit); name the variable that holds the secret, never the secret itself" },
        { "{name: hook, type: webhook, url: \"ftp://h.example.com\", secretEnv: S}", "6:40", "notifications.channels[0].url: not an absolute http:// or https:// URL" },
        { "{name: hook, type: webhook, url: \"https://user:pw@h.example.com\", secretEnv: S}", "6:40", "notifications.channels[0].url: not an absolute http:// or https:// URL without a user name or password" },
        { "{name: s, type: slack}", "6:7", "notifications.channels[0]: give exactly one of url and urlEnv" },
        { "{name: s, type: slack, url: \"https://h.example.com\", urlEnv: U}", "6:7", "notifications.channels[0]: give exactly one of url and urlEnv" },
        { "{name: s, type: slack, urlEnv: U, secretEnv: S}", "6:52", "notifications.channels[0].secretEnv: a slack channel does not take secretEnv" },
        { "{name: s, type: slack, urlEnv: U, on: [kev, new-findings]}", "6:51", "notifications.channels[0].on: 'new-findings' is not one of new-finding, kev, sla-breached, sla-due-soon, acceptance-expiring; did you mean 'new-finding'?" },
        { "{name: s, type: slack, urlEnv: U, on: []}", "6:45", "notifications.channels[0].on: must name at least one event" },
        { "{name: s, type: slack, urlEnv: U, minPriority: urgent}", "6:54", "notifications.channels[0].minPriority: 'urgent' is not one of low, medium, high, critical" },
        { "{name: s, type: slack, urlEnv: U, products: [shopp]}", "6:52", "notifications.channels[0].products: 'shopp' is not a product of this file; did you mean 'shop'?" },
        { "{name: s, type: pager, urlEnv: U}", "6:23", "notifications.channels[0].type: 'pager' is not one of webhook, slack, email" },
        { "{name: \"a b\", type: slack, urlEnv: U}", "6:14", "notifications.channels[0].name: 'a b' may hold only letters, digits" },
        { "{name: m, type: email, from: c@example.com, to: [s@example.com]}", "6:7", "notifications.channels[0]: missing required key 'smtp'" },
        { "{name: m, type: email, smtp: {host: h}, from: c@example.com, to: []}", "6:72", "notifications.channels[0].to: must name at least one address" },
        { "{name: m, type: email, smtp: {host: h}, from: c@example.com, to: [security]}", "6:73", "notifications.channels[0]: 'security' is not an e-mail address" },
        { "{name: m, type: email, smtp: {host: h, port: 70000}, from: c@example.com, to: [s@example.com]}", "6:52", "notifications.channels[0].smtp.port: expected a port number from 1 to 65535, found number 70000" },
        { "{name: m, type: email, smtp: {host: h, username: u}, from: c@example.com, to: [s@example.com]}", "6:36", "notifications.channels[0].smtp: give both username and passwordEnv, or neither" },
        { "{name: m, type: email, smtp: {host: h, password: x}, from: c@example.com, to: [s@example.com]}", "6:46", "notifications.channels[0].smtp: unknown key 'password'; did you mean 'passwordEnv'?" },
        { "{name: m, type: email, smtp: {host: h}, url: \"https://h.example.com\", from: c@example.com, to: [s@example.com]}", "6:52", "notifications.channels[0].url: a email channel does not take url" },
    };

    [Theory]
    [MemberData(nameof(InvalidChannels))]
    public void Load_InvalidChannel_ReportsMessageAtLineColumn(string channel, string location, string message)
    {
        var result = ScopeFile.Load(Path, $"{Head}  channels:\n    - {channel}");

        Assert.Null(result.Document);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Error, location), (diagnostic.Severity, diagnostic.Location));
        Assert.StartsWith(message, diagnostic.Message, StringComparison.Ordinal);
    }

    /// <summary>What the schema can say too: all but the checks between values (one of url and urlEnv, both of username and passwordEnv, products of this file) and e-mail address syntax.</summary>
    public static TheoryData<string> SchemaExpressibleInvalidChannels =>
        [.. InvalidChannels.Select(row => ((string)row[0], (string)row[2]))
            .Where(row => !row.Item2.Contains("exactly one of", StringComparison.Ordinal) && !row.Item2.Contains("give both", StringComparison.Ordinal) && !row.Item2.Contains("product of this file", StringComparison.Ordinal)
                && !row.Item2.Contains("e-mail address", StringComparison.Ordinal))
            .Select(row => row.Item1)];

    [Theory]
    [MemberData(nameof(SchemaExpressibleInvalidChannels))]
    public void Schema_InvalidChannel_IsRejected(string channel) => Assert.NotEmpty(ScopeSchema.Errors($"{Head}  channels:\n    - {channel}"));

    [Theory]
    [InlineData("{name: h, type: webhook, url: \"https://h.example.com\", secretEnv: \"whsec-0123456789abcdef\"}", "whsec-0123456789abcdef")]
    [InlineData("{name: h, type: webhook, url: \"https://ctem:pa55word@h.example.com\", secretEnv: S}", "pa55word")]
    [InlineData("{name: m, type: email, smtp: {host: h, username: u, passwordEnv: \"correct horse\"}, from: c@example.com, to: [s@example.com]}", "correct horse")]
    public void Load_SecretWrittenIntoTheFile_IsAnErrorThatDoesNotRepeatIt(string channel, string secret)
    {
        var result = ScopeFile.Load(Path, $"{Head}  channels:\n    - {channel}");

        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.DoesNotContain(secret, d.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Load_DuplicateChannelName_IsAnErrorAtTheSecond()
    {
        var result = ScopeFile.Load(Path, $"{Head}  channels:\n    - {{name: s, type: slack, urlEnv: U}}\n    - {{name: s, type: slack, urlEnv: V}}");

        Assert.Equal("ctem.yaml:7:14: notifications.channels[1].name: duplicate channel name 's' (first at 6:14)", Assert.Single(result.Diagnostics).ToString());
    }

    private static string Describe(NotificationChannelSettings c) =>
        $"{c.Name} {c.Type} on={string.Join(',', c.On)} min={c.MinPriority} products={string.Join(',', c.Products)} owners={string.Join(',', c.Owners)} "
        + $"url={c.Url} urlEnv={c.UrlEnv} secretEnv={c.SecretEnv} smtp={(c.Smtp is { } s ? $"{s.Host}:{s.Port} {s.Security} {s.From}>{string.Join(',', s.To)} user={(s.Username is null ? "" : $"{s.Username}/{s.PasswordEnv}")}" : "")}";
}
