using System.Globalization;
using Ctem.Core.Stores;
using Ctem.Engine.Mobilization.Acceptance;

namespace Ctem.Cli.Commands;

/// <summary>Ends the accepted risks whose date has come before a command lists or gates findings, and says so on stderr.</summary>
internal static class ExpiredAcceptances
{
    public static async Task EndAsync(CliContext context, ICtemStore store, CancellationToken cancellationToken)
    {
        foreach (var expired in await AcceptanceExpiry.RunAsync(store, context.Host.Time, cancellationToken))
        {
            await context.Host.Stderr.WriteLineAsync(
                $"ctem: the accepted risk of finding {expired.FindingId} ({expired.Product}) ended on {expired.Until.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; it is open again (accepted by {expired.By}: {expired.Reason})");
        }
    }
}
