namespace Ctem.Reporting;

/// <summary>
/// What GitHub code scanning accepts in one SARIF upload ("SARIF support for code scanning" and "SARIF results exceed
/// limits" in GitHub's documentation): past the first three the file is rejected, past the others text is cut.
/// </summary>
public static class SarifLimits
{
    /// <summary>Results per run; GitHub shows the 5,000 most severe of them.</summary>
    public const int ResultsPerRun = 25_000;

    /// <summary>Rules per run.</summary>
    public const int RulesPerRun = 25_000;

    /// <summary>The gzip-compressed file.</summary>
    public const int GzipBytes = 10 * 1024 * 1024;

    /// <summary>Tags per rule that GitHub keeps (20 are accepted).</summary>
    public const int TagsPerRule = 10;

    /// <summary>Characters of a rule's <c>shortDescription</c> and <c>fullDescription</c>.</summary>
    public const int DescriptionChars = 1024;

    /// <summary>Locations per result that GitHub keeps (1,000 are accepted); only the first annotates the file.</summary>
    public const int LocationsPerResult = 100;
}
