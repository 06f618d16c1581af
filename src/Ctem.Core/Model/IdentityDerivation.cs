namespace Ctem.Core.Model;

/// <summary>How sure Ctem is of a package identity it had to derive: a guess is never presented as fact.</summary>
public enum IdentityConfidence
{
    Unspecified = 0,

    /// <summary>The report states it, only not as a purl (a "Type: deb" line, a package-type property).</summary>
    Stated,

    /// <summary>Read by a documented convention (a file path that belongs to a package, the product's inventory).</summary>
    Inferred,

    /// <summary>Taken from a name that suggests it (a distribution in the scanned image's name).</summary>
    Guessed,
}

/// <summary>
/// Where a finding's package identity (package, version, ecosystem) came from when the report gave no purl:
/// <see cref="DerivedFrom"/> says what was read ("SARIF message 'Package:' and 'Installed Version:'; ecosystem from
/// the target's name 'alpine-310'"). Null on a finding means the source named the package outright.
/// </summary>
public sealed record IdentityDerivation(string DerivedFrom, IdentityConfidence Confidence)
{
    /// <summary>The words used in JSON, the store and explanations.</summary>
    public static string Word(IdentityConfidence confidence) => confidence switch
    {
        IdentityConfidence.Stated => "stated",
        IdentityConfidence.Inferred => "inferred",
        IdentityConfidence.Guessed => "guessed",
        _ => "unspecified",
    };

    public static IdentityConfidence Parse(string? word) => word switch
    {
        "stated" => IdentityConfidence.Stated,
        "inferred" => IdentityConfidence.Inferred,
        "guessed" => IdentityConfidence.Guessed,
        _ => IdentityConfidence.Unspecified,
    };

    /// <summary>The weaker of two derivations' confidences, with both reasons: a guess in the chain makes the whole a guess.</summary>
    public IdentityDerivation Then(IdentityDerivation next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return new($"{DerivedFrom}; {next.DerivedFrom}", (IdentityConfidence)Math.Max((int)Confidence, (int)next.Confidence));
    }
}
