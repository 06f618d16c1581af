using Ctem.Storage;

namespace Ctem.Cli.Commands;

/// <summary>
/// Turns what escapes a command into an exit code and one line on stderr: database trouble is exit 4, Ctrl-C is 130,
/// anything else is a bug (70), reported without a stack trace unless CTEM_DEBUG is set.
/// </summary>
public static class CommandRunner
{
    public static async Task<int> RunAsync(CliContext context, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (CtemStoreException ex)
        {
            await context.Host.Stderr.WriteLineAsync($"ctem: database error: {ex.Message}");
            return ExitCodes.DatabaseError;
        }
        catch (OperationCanceledException)
        {
            await context.Host.Stderr.WriteLineAsync("ctem: cancelled; nothing was stored by the interrupted step");
            return ExitCodes.Cancelled;
        }
#pragma warning disable CA1031 // The CLI's last line of defence: a bug must still end in one clear line and exit 70.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await context.Host.Stderr.WriteLineAsync($"ctem: internal error ({ex.GetType().Name}): {ex.Message}");
            if (!string.IsNullOrEmpty(context.Host.Environment("CTEM_DEBUG")))
            {
                await context.Host.Stderr.WriteLineAsync(ex.ToString());
            }
            else
            {
                await context.Host.Stderr.WriteLineAsync("This is a bug in ctem; set CTEM_DEBUG=1 for details and please report it.");
            }

            return ExitCodes.InternalError;
        }
    }
}
