using Ctem.Core.Diagnostics;
using Ctem.Engine.Validation.Checks;
using Ctem.Testing;
using Xunit;

namespace Ctem.Engine.Tests.Validation.Checks;

public sealed class CheckLoaderTests
{
    private const string Safe = "id: probe\ninfo:\n  name: Probe\n  severity: low\n  tags: safe\n  metadata: {ctem-validates: [ctem-discover:x]}\n";

    [Fact]
    public void BuiltIn_EveryCheckLoads_SafeAndNamingWhatItValidates()
    {
        var load = CheckLoader.BuiltIn();

        Assert.Empty(load.Diagnostics);
        Assert.True(load.Checks.Count >= 12, $"{load.Checks.Count} built-in checks");
        Assert.All(load.Checks, c => Assert.NotEmpty(c.Validates));
        Assert.All(load.Checks, c => Assert.Equal($"built-in:{c.Id}.yaml", c.File));
        Assert.Superset(
            new HashSet<string> { "git-config", "dotenv-file", "directory-listing", "tomcat-manager-panel", "springboot-env", "redis-unauth", "unauth-psql", "expired-ssl", "deprecated-tls" },
            load.Checks.Select(c => c.Id).ToHashSet());
        Assert.All(load.Checks.Where(c => c.Protocol == CheckProtocol.Http).SelectMany(c => c.Requests), r => Assert.Contains(r.Method, new[] { "GET", "HEAD", "OPTIONS" }));
    }

    [Fact]
    public void Parse_NucleiStyleCheck_ReadsRequestsMatchersAndExtractors()
    {
        var load = CheckLoader.Parse("checks/x.yaml", Safe + """
            http:
              - method: HEAD
                path: ["{{BaseURL}}/a", "{{RootURL}}/b"]
                headers: {Accept: text/plain}
                redirects: true
                max-redirects: 2
                matchers-condition: and
                matchers:
                  - {type: status, status: [200, 204]}
                  - {type: word, part: header, words: [nginx, apache], condition: and, case-insensitive: true, negative: true}
                extractors:
                  - {type: kval, kval: [content_type]}
                  - {type: regex, name: v, regex: ['v([0-9]+)'], group: 1}
            """);

        var check = Assert.Single(load.Checks);
        var request = Assert.Single(check.Requests);
        Assert.Empty(load.Diagnostics);
        Assert.Equal(("probe", CheckProtocol.Http, "HEAD", 2, true), (check.Id, check.Protocol, request.Method, request.MaxRedirects, request.AllMatchers));
        Assert.Equal([MatcherKind.Status, MatcherKind.Word], request.Matchers.Select(m => m.Kind));
        Assert.Equal(("header", true, true, true), (request.Matchers[1].Part, request.Matchers[1].All, request.Matchers[1].Negative, request.Matchers[1].CaseInsensitive));
        Assert.Equal([("kval", "header", 0), ("regex", "body", 1)], request.Extractors.Select(e => (e.Kind, e.Part, e.Group)));
    }

    public static TheoryData<string, string, string> Refused => new()
    {
        { Safe + "http:\n  - method: POST\n    path: ['{{BaseURL}}/']\n    matchers: [{type: status, status: [200]}]", "8:13", "http[0].method: POST is not allowed: validation only reads (GET, HEAD or OPTIONS)" },
        { Safe.Replace("  tags: safe\n", "", StringComparison.Ordinal) + "http:\n  - path: ['{{BaseURL}}/']\n    matchers: [{type: status, status: [200]}]", "3:3", "the check does not declare itself safe" },
        { Safe.Replace("tags: safe", "tags: safe,intrusive", StringComparison.Ordinal) + "http:\n  - path: ['{{BaseURL}}/']\n    matchers: [{type: status, status: [200]}]", "5:9", "a check tagged 'intrusive' is not safe" },
        { Safe + "http:\n  - path: ['{{BaseURL}}/']\n    matchers: [{type: dsl, dsl: ['status_code == 200']}]", "9:23", "http[0].matchers[0].type: dsl matchers are not supported; use status, word, regex or binary" },
        { Safe + "http:\n  - raw: ['GET / HTTP/1.1']\n    matchers: [{type: status, status: [200]}]", "8:5", "'raw' is not supported by Ctem's checks" },
        { Safe + "code:\n  - engine: [sh]\nhttp:\n  - path: ['{{BaseURL}}/']\n    matchers: [{type: status, status: [200]}]", "7:1", "'code' is not supported by Ctem's checks" },
        { Safe + "http:\n  - path: ['{{BaseURL}}/?u={{interactsh-url}}']\n    matchers: [{type: status, status: [200]}]", "8:11", "{{interactsh-url}} is not supported" },
        { Safe + "http:\n  - path: ['http://evil.example/']\n    matchers: [{type: status, status: [200]}]", "8:11", "does not start with {{BaseURL}} or {{RootURL}}" },
        { Safe + "tcp:\n  - host: ['tls://{{Hostname}}:6379']\n    matchers: [{type: word, words: [x]}]", "8:11", "tls:// is not supported" },
        { Safe + "http:\n  - path: ['{{BaseURL}}/']", "8:11", "a check needs at least one matcher" },
        { Safe.Replace("  metadata: {ctem-validates: [ctem-discover:x]}\n", "", StringComparison.Ordinal) + "http:\n  - path: ['{{BaseURL}}/']\n    matchers: [{type: status, status: [200]}]", "3:3", "names no vulnerability it validates" },
        { Safe + "http:\n  - path: ['{{BaseURL}}/']\n    matchers: [{type: status, status: [200]}]\ntcp:\n  - matchers: [{type: word, words: [x]}]", "1:1", "one protocol a check: found http and tcp" },
        { Safe + "http:\n  - path: ['{{BaseURL}}/']\n    matchers: [{type: regex, regex: ['(unclosed']}]", "9:37", "'(unclosed' is not a regular expression" },
        { "id: [x\n", "2:1", "invalid YAML" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Parse_UnsafeOrUnknownConstruct_IsADiagnosticWithItsLine(string yaml, string location, string message)
    {
        var load = CheckLoader.Parse("checks/probe.yaml", yaml);

        Assert.Empty(load.Checks);
        Assert.True(
            load.Diagnostics.Any(d => d.IsError && d.Code == DiagnosticCodes.InvalidCheck && d.Path == "checks/probe.yaml" && d.Location == location && d.Message.Contains(message, StringComparison.Ordinal)),
            string.Join("\n", load.Diagnostics));
    }

    [Fact]
    public void Directory_ChecksBesideTheBuiltInOnes_TakenIdIsRefused()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("a.yaml"), Safe + "http:\n  - path: ['{{BaseURL}}/']\n    matchers: [{type: status, status: [200]}]");
        File.WriteAllText(temp.File("b.yml"), Safe.Replace("id: probe", "id: git-config", StringComparison.Ordinal) + "http:\n  - path: ['{{BaseURL}}/']\n    matchers: [{type: status, status: [200]}]");
        File.WriteAllText(temp.File("notes.txt"), "not a check");

        var load = CheckLoader.BuiltIn().Then(CheckLoader.Directory(temp.Path));

        Assert.Contains(load.Checks, c => c.Id == "probe" && c.File.EndsWith("a.yaml", StringComparison.Ordinal));
        var taken = Assert.Single(load.Diagnostics);
        Assert.Contains("check id 'git-config' is already taken by built-in:git-config.yaml", taken.Message, StringComparison.Ordinal);
    }
}
