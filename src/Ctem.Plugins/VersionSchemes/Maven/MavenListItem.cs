namespace Ctem.Plugins.VersionSchemes.Maven;

/// <summary>A list of items: the whole version, or a sub-list opened by '-' or a digit/letter transition.</summary>
internal sealed class MavenListItem : MavenItem
{
    private readonly List<MavenItem> _items = [];

    public override bool IsNull => _items.Count == 0;

    public void Add(MavenItem item) => _items.Add(item);

    /// <summary>Drops trailing null items (1.0.0 = 1, 1-ga = 1), looking past nested lists but stopping at the last other item.</summary>
    public void Normalize()
    {
        for (var i = _items.Count - 1; i >= 0; i--)
        {
            var item = _items[i];
            if (item.IsNull)
            {
                _items.RemoveAt(i);
            }
            else if (item is not MavenListItem)
            {
                break;
            }
        }
    }

    public override int CompareTo(MavenItem? other)
    {
        switch (other)
        {
            case null:
                // Every item counts against nothing, not just the first (MNG-6964): 1-ga.1 > 1, though "ga" alone
                // equals nothing. 1-0 normalises to 1-, which equals 1.
                foreach (var item in _items)
                {
                    var order = item.CompareTo(null);
                    if (order != 0)
                    {
                        return order;
                    }
                }

                return 0;
            case MavenNumberItem:
                // 1-1 < 1.0.x
                return -1;
            case MavenQualifierItem:
                // 1-1 > 1-sp
                return 1;
            case MavenListItem list:
                for (var i = 0; i < Math.Max(_items.Count, list._items.Count); i++)
                {
                    var left = i < _items.Count ? _items[i] : null;
                    var right = i < list._items.Count ? list._items[i] : null;
                    var order = left is null ? (right is null ? 0 : -right.CompareTo(null)) : left.CompareTo(right);
                    if (order != 0)
                    {
                        return order;
                    }
                }

                return 0;
            default:
                throw new InvalidOperationException($"unknown Maven item {other.GetType().Name}");
        }
    }
}
