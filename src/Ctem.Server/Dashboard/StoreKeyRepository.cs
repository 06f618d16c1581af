using System.Xml.Linq;
using Ctem.Server.Hosting;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Ctem.Server.Dashboard;

/// <summary>
/// The data-protection key ring in the shared database (table <c>data_protection_keys</c>), so that a session or
/// anti-forgery cookie one <c>ctem serve</c> node issued is read by every other node on the same database.
/// </summary>
internal sealed class StoreKeyRepository(StoreLifetime store, TimeProvider time) : IXmlRepository
{
    // The key manager calls these synchronously, rarely (when it builds or refreshes its key ring, or makes a key);
    // blocking on the store there is what the framework's own database repositories do.
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. store.Store.GetDataProtectionKeysAsync(CancellationToken.None).GetAwaiter().GetResult().Select(xml => XElement.Parse(xml))];

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        store.Store.SaveDataProtectionKeyAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting), time.GetUtcNow(), CancellationToken.None).GetAwaiter().GetResult();
    }
}
