using System.IO.Compression;
using Ctem.Core.Diagnostics;

namespace Ctem.Engine.Inputs;

/// <summary>Decompresses a gzip document in memory with a hard bound on the output, against gzip bombs.</summary>
internal static class GzipInput
{
    public static InputItem Decompress(string path, byte[] compressed, long maxBytes)
    {
        try
        {
            using var input = new GZipStream(new MemoryStream(compressed, writable: false), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    return InputItem.Failed(Diagnostic.Error(DiagnosticCodes.UnsafeArchive, path, $"expands past {maxBytes} bytes; refused"));
                }

                output.Write(chunk, 0, read);
            }

            return InputItem.Read(path, output.ToArray());
        }
        catch (InvalidDataException ex)
        {
            return InputItem.Failed(Diagnostic.Error(DiagnosticCodes.UnreadableFile, path, $"not valid gzip: {ex.Message}"));
        }
    }
}
