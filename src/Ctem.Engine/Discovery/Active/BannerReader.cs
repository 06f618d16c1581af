using System.Text;

namespace Ctem.Engine.Discovery.Active;

/// <summary>What a service says on its own after the connection is made (SSH, SMTP, FTP greet first), as printable text.</summary>
internal static class BannerReader
{
    private const int MaxBytes = 1024;

    /// <summary>The first line(s) the service sends within <paramref name="wait"/>, printable ASCII only; null when it sends nothing.</summary>
    public static async Task<string?> ReadAsync(Stream stream, TimeSpan wait, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxBytes];
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(wait);
        int read;
        try
        {
            read = await stream.ReadAsync(buffer, bounded.Token);
        }
        catch (Exception ex) when (ex is IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }

        return read == 0 ? null : Printable(buffer.AsSpan(0, read));
    }

    /// <summary>Control characters other than line ends become '.', as Nmap prints banners; trailing blank lines go.</summary>
    public static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            text.Append(b is (byte)'\n' or (byte)'\r' ? (char)b : b is >= 0x20 and < 0x7f ? (char)b : '.');
        }

        return text.ToString().TrimEnd('\r', '\n');
    }
}
