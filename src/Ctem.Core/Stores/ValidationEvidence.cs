namespace Ctem.Core.Stores;

/// <summary>What a validation check concluded about a finding on a deployment (<c>ctem validate</c>).</summary>
public enum ValidationOutcome
{
    Unspecified = 0,

    /// <summary>The check's matchers matched: the exposure is really there and reachable.</summary>
    Validated,

    /// <summary>The check ran and its matchers did not match: the exposure could not be shown here.</summary>
    NotReproduced,

    /// <summary>The check could not run to a conclusion (nothing answered, the scope refused, a timeout).</summary>
    Error,
}

/// <summary>The words stored and printed for <see cref="ValidationOutcome"/>.</summary>
public static class ValidationOutcomes
{
    public static string Name(ValidationOutcome outcome) => outcome switch
    {
        ValidationOutcome.Validated => "validated",
        ValidationOutcome.NotReproduced => "not-reproduced",
        ValidationOutcome.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static ValidationOutcome? Parse(string? name) => name switch
    {
        "validated" => ValidationOutcome.Validated,
        "not-reproduced" => ValidationOutcome.NotReproduced,
        "error" => ValidationOutcome.Error,
        _ => null,
    };
}

/// <summary>Evidence to record on a finding: one check's outcome on one target, with the (masked) exchange that shows it.</summary>
/// <param name="Target">Where the check ran: a URL or <c>HOST:PORT</c>.</param>
/// <param name="Detail">Why the outcome is what it is: what matched, what was extracted, or the error.</param>
/// <param name="Excerpt">The request and the start of the response, secrets masked; null when nothing answered.</param>
public sealed record NewValidationEvidence(long FindingId, string CheckId, ValidationOutcome Outcome, DateTimeOffset At, string Target, string Detail, string? Excerpt)
{
    /// <summary>True when <c>ctem validate --retest</c> recorded it.</summary>
    public bool Retest { get; init; }
}

/// <summary>Evidence as stored, with its finding's product.</summary>
public sealed record ValidationEvidence(long Id, long FindingId, string Product, string CheckId, ValidationOutcome Outcome, DateTimeOffset At, string Target, string Detail, string? Excerpt, bool Retest);
