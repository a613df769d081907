namespace Nop.Plugin.Misc.IContact.Api;

/// <summary>
/// The one way collections are read page by page: until iContact's total, and stopping on an empty page whatever the total says
/// </summary>
public static class IcontactPaging
{
    /// <summary>
    /// Reads every item of a collection
    /// </summary>
    /// <param name="readPage">Reads the page at an offset</param>
    /// <param name="cancellationToken">Cancellation token</param>
    public static async IAsyncEnumerable<T> ReadAllAsync<T>(Func<int, CancellationToken, Task<IcontactPage<T>>> readPage,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var offset = 0; ;)
        {
            var page = await readPage(offset, cancellationToken);
            foreach (var item in page.Items)
                yield return item;

            offset += page.Items.Count;
            if (page.Items.Count == 0 || offset >= page.Total)
                yield break;
        }
    }

    /// <summary>
    /// Reads every item of a collection into a list
    /// </summary>
    public static async Task<IReadOnlyList<T>> ToListAsync<T>(Func<int, CancellationToken, Task<IcontactPage<T>>> readPage, CancellationToken cancellationToken = default)
    {
        var items = new List<T>();
        await foreach (var item in ReadAllAsync(readPage, cancellationToken))
            items.Add(item);
        return items;
    }
}
