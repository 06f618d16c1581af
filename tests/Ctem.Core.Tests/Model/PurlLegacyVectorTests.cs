using System.Text.Json;
using Ctem.Core.Model;
using Ctem.Testing;
using Xunit;

namespace Ctem.Core.Tests.Model;

/// <summary>
/// The legacy purl-spec <c>test-suite-data.json</c> (removed upstream in 2025-07), run through the remedying
/// <see cref="PackageUrl.Parse"/>. Where it disagrees with the current suite the current suite wins; those cases are
/// listed here with the reason, and are still checked for everything the current suite does not contradict.
/// </summary>
public sealed class PurlLegacyVectorTests
{
    private const string EncodedSlash =
        "the current suite percent-encodes '/' in qualifier values ('https:%2F%2F…'); the legacy canonical form left it bare";

    private const string DotSegments =
        "the current specification removes '.' and '..' subpath segments when parsing; the legacy case keeps them in the "
        + "component while dropping them from its own canonical form";

    /// <summary>
    /// Legacy cases the current suite or type definitions contradict, keyed by input, with what is superseded and why.
    /// Each is still asserted: a superseded canonical or subpath is skipped alone, a superseded verdict is asserted reversed.
    /// </summary>
    private static readonly Dictionary<string, (Aspect Aspect, string Reason)> Superseded = new(StringComparer.Ordinal)
    {
        ["pkg:Maven/org.apache.xmlgraphics/batik-anim@1.9.1?classifier=sources&repositorY_url=repo.spring.io/release"] = (Aspect.Canonical, EncodedSlash),
        ["pkg:Maven/org.apache.xmlgraphics/batik-anim@1.9.1?extension=pom&repositorY_url=repo.spring.io/release"] = (Aspect.Canonical, EncodedSlash),
        ["pkg:huggingface/microsoft/deberta-v3-base@559062ad13d311b87b2c455e67dcd5f1c8f65111?repository_url=https://hub-ci.huggingface.co"] = (Aspect.Canonical, EncodedSlash),
        ["pkg:mlflow/CreditFraud@3?repository_url=https://adb-5245952564735461.0.azuredatabricks.net/api/2.0/mlflow"] = (Aspect.Canonical, EncodedSlash),
        ["pkg:mlflow/CreditFraud@3?repository_url=https://westus2.api.azureml.ms/mlflow/v1.0/subscriptions/a50f2011-fab8-4164-af23-c62881ef8c95/resourceGroups/TestResourceGroup/providers/Microsoft.MachineLearningServices/workspaces/TestWorkspace"] = (Aspect.Canonical, EncodedSlash),
        ["pkg:mlflow/trafficsigns@10?model_uuid=36233173b22f4c89b451f1228d700d49&run_id=410a3121-2709-4f88-98dd-dba0ef056b0a&repository_url=https://adb-5245952564735461.0.azuredatabricks.net/api/2.0/mlflow"] = (Aspect.Canonical, EncodedSlash),
        ["pkg:GOLANG/google.golang.org/genproto@abcdedf#/googleapis/%2E%2E/api/annotations/"] = (Aspect.Subpath, DotSegments),
        ["pkg:GOLANG/google.golang.org/genproto@abcdedf#/googleapis/%2E/api/annotations/"] = (Aspect.Subpath, DotSegments),
        ["pkg:conan/bincrafters/cctz@2.3"] = (Aspect.Verdict,
            "the conan definition makes the namespace optional with no namespace/channel pairing, and the current suite "
            + "accepts 'pkg:conan/openssl.org/openssl@3.0.3?arch=…' (a namespace without a channel)"),
        ["pkg:conan/cctz@2.3?channel=stable"] = (Aspect.Verdict,
            "the conan definition has no rule tying the channel qualifier to a namespace"),
        ["pkg:cran/A3"] = (Aspect.Verdict, "the cran definition makes the version optional"),
        ["pkg:swift/github.com/Alamofire/Alamofire"] = (Aspect.Verdict, "the swift definition makes the version optional"),
        ["pkg:huggingface/distilbert-base-uncased@043235d6088ecd3dd5fb5ca3592b6913fd516027"] = (Aspect.Verdict,
            "the huggingface definition requires the namespace, and the current suite writes this model 'distilbert/distilbert-base-uncased'"),
        ["pkg:cpan/URI::PackageURL@2.11"] = (Aspect.Verdict,
            "the current suite rejects 'pkg:cpan/URI::PackageURL': a cpan name is a distribution, never a '::' module"),
        ["pkg:cpan/Perl-Version@1.013"] = (Aspect.Verdict,
            "the current suite accepts distribution names such as 'pkg:cpan/URI-PackageURL'"),
    };

    private enum Aspect
    {
        Canonical,
        Subpath,
        Verdict,
    }

    [SkippableFact]
    public void LegacySuite_EveryCasePassesOrIsSuperseded()
    {
        RepoPaths.RequireShared();
        using var document = JsonDocument.Parse(File.ReadAllText(RepoPaths.SharedVectors("purl", "purl-spec-legacy", "test-suite-data.json")));
        var cases = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(59, cases.Count);
        Assert.Empty(Superseded.Keys.Except(cases.Select(c => c.GetProperty("purl").GetString()!), StringComparer.Ordinal));

        var failures = cases.Select(Run).OfType<string>().ToList();

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} cases fail:\n{string.Join('\n', failures)}");
    }

    private static string? Run(JsonElement test)
    {
        var input = test.GetProperty("purl").GetString()!;
        var superseded = Superseded.TryGetValue(input, out var entry) ? entry.Aspect : (Aspect?)null;
        var problems = Problems(test, input, superseded).ToList();
        // A superseded verdict checks itself (it is asserted reversed); a skipped aspect must still be needed.
        if (superseded is Aspect.Canonical or Aspect.Subpath && problems.Count == 0 && !Problems(test, input, null).Any())
        {
            problems.Add($"listed as superseded ({superseded}) but passes as written: remove it from the list");
        }

        return problems.Count == 0 ? null : $"'{test.GetProperty("description").GetString()}' ({input}): {string.Join("; ", problems)}";
    }

    private static IEnumerable<string> Problems(JsonElement test, string input, Aspect? superseded)
    {
        var result = PackageUrl.Parse(input);
        var invalid = test.GetProperty("is_invalid").GetBoolean() ^ superseded is Aspect.Verdict;
        if (invalid || !result.Success)
        {
            if (invalid != !result.Success)
            {
                yield return result.Success ? $"expected a failure, got {result.Value}" : $"failed: {result.Error}";
            }

            yield break;
        }

        var expected = PurlComponents.Read(test);
        foreach (var difference in (superseded is Aspect.Subpath ? expected with { Subpath = result.Value.Subpath } : expected).Differences(result.Value))
        {
            yield return difference;
        }

        var canonical = result.Value.ToString();
        if (superseded is not Aspect.Canonical && canonical != test.GetProperty("canonical_purl").GetString())
        {
            yield return $"canonical '{canonical}', expected '{test.GetProperty("canonical_purl").GetString()}'";
        }
    }
}
