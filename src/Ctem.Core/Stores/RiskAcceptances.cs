namespace Ctem.Core.Stores;

/// <summary>
/// Where the risk acceptances in force come from: what the acceptance-expiring notification watches. The store
/// implements it where risk acceptance is kept; <see cref="NoAcceptances"/> stands in where it is not.
/// </summary>
public interface IAcceptanceSource
{
    /// <summary>The acceptances in force, of one product or of every product when <paramref name="product"/> is null.</summary>
    Task<IReadOnlyList<RiskAcceptance>> GetRiskAcceptancesAsync(string? product, CancellationToken cancellationToken);
}

/// <summary>The acceptance source of a store that keeps none.</summary>
public sealed class NoAcceptances : IAcceptanceSource
{
    public static NoAcceptances Instance { get; } = new();

    public Task<IReadOnlyList<RiskAcceptance>> GetRiskAcceptancesAsync(string? product, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RiskAcceptance>>([]);
}
