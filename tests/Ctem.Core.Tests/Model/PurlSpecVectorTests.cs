using System.Text.Json;
using Ctem.Core.Model;
using Ctem.Core.Text;
using Ctem.Testing;
using Xunit;

namespace Ctem.Core.Tests.Model;

/// <summary>
/// The purl-spec test suite (<c>tests/spec/*.json</c> and <c>tests/types/*-test.json</c>), every case of every file.
/// "required" cases are checked against <see cref="PackageUrl.ParseStrict"/>, "recommended" ones (which show how
/// to remedy common mistakes) against the remedying <see cref="PackageUrl.Parse"/>.
/// </summary>
public sealed class PurlSpecVectorTests
{
    private const string SpecificationGroup = "specification";

    /// <summary>
    /// Cases that contradict other cases of the same suite, keyed by test type and input. Each is still run, and
    /// must still fail, so an upstream fix shows up as a stale entry rather than going unseen.
    /// </summary>
    private static readonly Dictionary<(string Kind, string Input), string> Contradictions = new()
    {
        [("parse", "pkg:Maven/org.apache.xmlgraphics/batik-anim@1.9.1?type=pom&repositorY_url=repo.spring.io/release")] =
            "a 'required' parse accepting the upper-case qualifier key 'repositorY_url', while the 'required' gem and rpm "
            + "parses of 'Platform=java' and 'Arch=i386' must fail for the same reason (ECMA-427: keys shall be lowercase); "
            + "upstream fixed the gem twin in purl-spec#951 (issue #942), this maven one is the same bug",
    };

    /// <summary>The specification file plus one file per registered type, so a missing file fails instead of vanishing.</summary>
    public static TheoryData<string> Groups => new([SpecificationGroup, .. PackageUrlTypes.Known.Keys.Order(StringComparer.Ordinal)]);

    [SkippableTheory]
    [MemberData(nameof(Groups))]
    public void SharedSuite_EveryCasePasses(string group)
    {
        RepoPaths.RequireShared();
        var path = group == SpecificationGroup
            ? RepoPaths.SharedVectors("purl", "purl-spec", "tests", "spec", "specification-test.json")
            : RepoPaths.SharedVectors("purl", "purl-spec", "tests", "types", $"{group}-test.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var cases = document.RootElement.GetProperty("tests").EnumerateArray().ToList();
        Assert.NotEmpty(cases);

        var failures = cases.Select(Run).OfType<string>().ToList();
        failures.AddRange(StaleContradictions(group, cases));

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} cases fail:\n{string.Join('\n', failures)}");
    }

    [SkippableFact]
    public void SharedSuite_EveryFileIsCovered()
    {
        RepoPaths.RequireShared();
        var files = Directory.GetFiles(RepoPaths.SharedVectors("purl", "purl-spec", "tests", "types"), "*-test.json")
            .Select(f => Path.GetFileName(f)[..^"-test.json".Length]);

        Assert.Empty(files.Except(PackageUrlTypes.Known.Keys, StringComparer.Ordinal));
    }

    [SkippableFact]
    public void TypeTable_MatchesTypeDefinitions()
    {
        RepoPaths.RequireShared();
        var mismatches = new List<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.SharedVectors("purl", "purl-spec", "types"), "*-definition.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var definition = document.RootElement;
            var type = definition.GetProperty("type").GetString()!;
            var expected = new PackageUrlType(NamespaceRuleOf(definition), FoldingOf(definition), RequiredQualifiersOf(definition));
            if (!PackageUrlTypes.Known.TryGetValue(type, out var actual))
            {
                mismatches.Add($"{type}: not in the table");
            }
            else if (actual.Namespace != expected.Namespace || actual.Lowercase != expected.Lowercase
                || !actual.RequiredQualifiers.SequenceEqual(expected.RequiredQualifiers))
            {
                mismatches.Add($"{type}: table has {Describe(actual)}, definition says {Describe(expected)}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    private static IEnumerable<string> StaleContradictions(string group, List<JsonElement> cases) =>
        group != "maven"
            ? []
            : Contradictions.Keys
                .Where(key => !cases.Any(c => c.GetProperty("test_type").GetString() == key.Kind && c.GetProperty("input").ToString() == key.Input))
                .Select(key => $"listed contradiction {key} is no longer in the suite: remove it from the list");

    private static NamespaceRule NamespaceRuleOf(JsonElement definition) =>
        definition.TryGetProperty("namespace_definition", out var ns) && ns.TryGetProperty("requirement", out var requirement)
            ? requirement.GetString() switch
            {
                "required" => NamespaceRule.Required,
                "prohibited" => NamespaceRule.Prohibited,
                _ => NamespaceRule.Optional,
            }
            : NamespaceRule.Optional;

    private static CaseFolding FoldingOf(JsonElement definition)
    {
        var folding = CaseFolding.None;
        foreach (var (property, flag) in new[]
        {
            ("namespace_definition", CaseFolding.Namespace),
            ("name_definition", CaseFolding.Name),
            ("version_definition", CaseFolding.Version),
            ("subpath_definition", CaseFolding.Subpath),
        })
        {
            if (definition.TryGetProperty(property, out var component) && component.ValueKind == JsonValueKind.Object
                && component.TryGetProperty("case_sensitive", out var sensitive) && sensitive.ValueKind == JsonValueKind.False)
            {
                folding |= flag;
            }
        }

        return folding;
    }

    private static string[] RequiredQualifiersOf(JsonElement definition) =>
        definition.TryGetProperty("qualifiers_definition", out var qualifiers) && qualifiers.ValueKind == JsonValueKind.Array
            ? [.. qualifiers.EnumerateArray()
                .Where(q => q.TryGetProperty("requirement", out var r) && r.GetString() == "required")
                .Select(q => q.GetProperty("key").GetString()!)]
            : [];

    private static string Describe(PackageUrlType type) =>
        $"({type.Namespace}, {type.Lowercase}, [{string.Join(", ", type.RequiredQualifiers)}])";

    /// <summary>Why one case fails, or null when it passes.</summary>
    private static string? Run(JsonElement test)
    {
        var kind = test.GetProperty("test_type").GetString();
        var strict = test.GetProperty("test_group").GetString() == "required";
        var input = test.GetProperty("input");
        var expectFailure = test.TryGetProperty("expected_failure", out var failure) && failure.GetBoolean();
        var expected = test.TryGetProperty("expected_output", out var output) ? output : default;

        var result = kind switch
        {
            "build" => PurlComponents.Read(input).Build(),
            _ when strict => PackageUrl.ParseStrict(input.GetString()!),
            _ => PackageUrl.Parse(input.GetString()!),
        };
        var problem = Check(kind, result, expectFailure, expected);
        if (Contradictions.ContainsKey((kind!, input.ToString())))
        {
            problem = problem is null ? "listed as a contradiction but now passes: remove it from the list" : null;
        }

        return problem is null ? null : $"{kind} '{test.GetProperty("description").GetString()}' ({input}): {problem}";
    }

    private static string? Check(string? kind, ParseResult<PackageUrl> result, bool expectFailure, JsonElement expected)
    {
        if (expectFailure)
        {
            return result.Success ? $"expected a failure, got {result.Value}" : null;
        }

        if (!result.Success)
        {
            return $"failed: {result.Error}";
        }

        if (kind == "parse")
        {
            var differences = PurlComponents.Read(expected).Differences(result.Value).ToList();
            return differences.Count == 0 ? null : string.Join("; ", differences);
        }

        var canonical = result.Value.ToString();
        return canonical == expected.GetString() ? null : $"got '{canonical}', expected '{expected.GetString()}'";
    }
}
