using IcontactEmulator;
using Nop.Plugin.Misc.IContact.Api;
using Nop.Plugin.Misc.IContact.Tests.Support;

namespace Nop.Plugin.Misc.IContact.Tests.Api;

/// <summary>
/// Lists, contacts, subscriptions and custom fields against the emulator over HTTP
/// </summary>
public class ResourceTests : EmulatorTestBase
{
    private async Task<(IcontactList List, IcontactContact Contact)> ListAndContactAsync(string email = "ann@example.com")
    {
        var client = Client();
        var list = await client.CreateListAsync(Folder(), "Customers");
        var contacts = await client.UpsertContactsAsync(Folder(), [new IcontactContact { Email = email, FirstName = "Ann" }]);
        return (list, contacts.Items.Single());
    }

    #region Lists

    [Test]
    public async Task A_created_list_gets_a_string_id_and_can_be_read_back()
    {
        var client = Client();

        var created = await client.CreateListAsync(Folder(), "  Customers ");
        var read = (await ReadListsAsync(client, Folder())).Single(list => list.ListId == created.ListId);

        Assert.That(created.ListId, Is.Not.Empty);
        Assert.That(read.Name, Is.EqualTo("Customers"));
    }

    [Test]
    public async Task Lists_are_paged_until_the_total()
    {
        lock (Emulator.State.Lock)
            for (var i = 0; i < 1_001; i++)
                Emulator.State.AddList($"List {i}");

        var before = RequestCount;
        var lists = await ReadListsAsync(Client(), Folder());

        Assert.That(lists, Has.Count.EqualTo(1_001));
        Assert.That(lists.Select(l => l.ListId), Is.Unique);
        Assert.That(RequestCount - before, Is.EqualTo(3), "pages of 500: 500 + 500 + 1");
    }

    [Test]
    public async Task A_deleted_list_is_gone_and_a_re_created_one_has_a_new_id()
    {
        var client = Client();
        var list = await client.CreateListAsync(Folder(), "Customers");
        string newId;
        lock (Emulator.State.Lock)
        {
            Emulator.State.DeleteList(long.Parse(list.ListId));
            newId = Emulator.State.AddList("Customers").ListId.ToString();
        }

        Assert.That(newId, Is.Not.EqualTo(list.ListId));
        Assert.That((await ReadListsAsync(client, Folder())).Single().ListId, Is.EqualTo(newId));
    }

    [Test]
    public void A_list_without_a_name_is_not_created()
    {
        var exception = FailsWith(IcontactErrorKind.BadRequest, () => Client().CreateListAsync(Folder(), " "));

        Assert.That(exception.Message, Does.Contain("name"));
    }

    #endregion

    #region Contacts

    [Test]
    public async Task A_partial_batch_returns_the_accepted_contacts_and_a_warning_for_the_rest()
    {
        var result = await Client().UpsertContactsAsync(Folder(),
        [
            new IcontactContact { Email = "ann@example.com", FirstName = "Ann" },
            new IcontactContact { FirstName = "No email" },
            new IcontactContact { Email = "bob@example.com", LastName = "Builder" }
        ]);

        Assert.That(result.Items.Select(c => c.Email), Is.EqualTo(new[] { "ann@example.com", "bob@example.com" }));
        Assert.That(result.Items.Select(c => c.ContactId), Has.All.Not.Empty);
        Assert.That(result.Warnings, Is.EqualTo(new[] { IcontactApi.MissingEmail }));
        Assert.That(result.Refused.Single().Item.FirstName, Is.EqualTo("No email"));
    }

    [Test]
    public async Task An_invalid_address_is_refused_as_invalid_with_the_warning_that_names_it()
    {
        var result = await Client().UpsertContactsAsync(Folder(),
        [
            new IcontactContact { Email = "ann@example.com" },
            new IcontactContact { Email = "not-an-address" }
        ]);

        var refusal = result.Refused.Single();
        Assert.That(refusal.Item.Email, Is.EqualTo("not-an-address"));
        Assert.That(refusal.Kind, Is.EqualTo(IcontactRefusalKind.Invalid));
        Assert.That(refusal.Message, Does.Contain("not-an-address"));
    }

    [Test]
    public async Task An_all_rejected_batch_has_no_items_and_the_warnings()
    {
        var result = await Client().UpsertContactsAsync(Folder(), [new IcontactContact { FirstName = "No email" }]);

        Assert.That(result.Items, Is.Empty);
        Assert.That(result.Warnings, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Posting_an_existing_email_updates_the_same_contact_and_keeps_omitted_fields()
    {
        var client = Client();
        var first = (await client.UpsertContactsAsync(Folder(), [new IcontactContact { Email = "ann@example.com", FirstName = "Ann", LastName = "Smith" }])).Items.Single();

        var second = (await client.UpsertContactsAsync(Folder(), [new IcontactContact { Email = "ANN@example.com", FirstName = "Annie" }])).Items.Single();

        Assert.That(second.ContactId, Is.EqualTo(first.ContactId));
        Assert.That(second.FirstName, Is.EqualTo("Annie"));
        Assert.That(second.LastName, Is.EqualTo("Smith"), "null fields are not sent, so they are not blanked");
    }

    [Test]
    public async Task A_duplicate_email_warning_leaves_the_contact_out_of_the_result()
    {
        var client = Client();
        await client.UpsertContactsAsync(Folder(), [new IcontactContact { Email = "ann@example.com" }]);
        Switch(s => s.DuplicateEmail = DuplicateEmailMode.Warn);

        var result = await client.UpsertContactsAsync(Folder(), [new IcontactContact { Email = "ann@example.com", FirstName = "Ann" }]);

        Assert.That(result.Items, Is.Empty);
        Assert.That(result.Warnings.Single(), Does.Contain("already exists"));
        Assert.That(result.Refused.Single().Kind, Is.EqualTo(IcontactRefusalKind.AlreadyExists), "the caller looks the contact up instead of failing it");
    }

    [Test]
    public async Task Search_by_email_finds_a_contact_on_no_list()
    {
        await Client().UpsertContactsAsync(Folder(), [new IcontactContact { Email = "ann@example.com" }]);

        var found = await Client().FindContactsByEmailAsync(Folder(), " Ann@Example.com ");

        Assert.That(found.Select(c => c.Email), Is.EqualTo(new[] { "ann@example.com" }));
    }

    [Test]
    public async Task Search_by_email_encodes_plus_addresses()
    {
        await Client().UpsertContactsAsync(Folder(), [new IcontactContact { Email = "ann+shop@example.com" }]);

        var found = await Client().FindContactsByEmailAsync(Folder(), "ann+shop@example.com");

        Assert.That(found, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_deleted_contact_is_gone_with_its_subscriptions()
    {
        var (list, contact) = await ListAndContactAsync();
        await Client().SubscribeAsync(Folder(), [new IcontactSubscription { ContactId = contact.ContactId, ListId = list.ListId, Status = "normal" }]);

        await Client().DeleteContactAsync(Folder(), contact.ContactId);

        Assert.That(await Client().FindContactsByEmailAsync(Folder(), contact.Email), Is.Empty);
        lock (Emulator.State.Lock)
            Assert.That(Emulator.State.Subscriptions, Is.Empty);
    }

    #endregion

    #region Subscriptions

    [TestCase("normal")]
    [TestCase("pending")]
    [TestCase("unsubscribed")]
    public async Task A_subscription_is_created_with_the_status_asked_for(string status)
    {
        var (list, contact) = await ListAndContactAsync();

        var result = await Client().SubscribeAsync(Folder(), [new IcontactSubscription { ContactId = contact.ContactId, ListId = list.ListId, Status = status }]);

        var subscription = result.Items.Single();
        Assert.That(subscription.SubscriptionId, Is.EqualTo($"{list.ListId}_{contact.ContactId}"));
        Assert.That(subscription.Status, Is.EqualTo(status));
    }

    [Test]
    public async Task Re_posting_a_subscription_updates_it_without_a_duplicate()
    {
        var (list, contact) = await ListAndContactAsync();
        var client = Client();
        await client.SubscribeAsync(Folder(), [new IcontactSubscription { ContactId = contact.ContactId, ListId = list.ListId, Status = "normal" }]);

        await client.SubscribeAsync(Folder(), [new IcontactSubscription { ContactId = contact.ContactId, ListId = list.ListId, Status = "unsubscribed" }]);

        var all = await IcontactPaging.ToListAsync((offset, token) => client.GetSubscriptionsPageAsync(Folder(), list.ListId, null, offset, cancellationToken: token));
        Assert.That(all.Single().Status, Is.EqualTo("unsubscribed"));
    }

    [Test]
    public async Task A_subscription_to_a_deleted_list_is_rejected_with_a_warning()
    {
        var (list, contact) = await ListAndContactAsync();
        lock (Emulator.State.Lock)
            Emulator.State.DeleteList(long.Parse(list.ListId));

        var result = await Client().SubscribeAsync(Folder(), [new IcontactSubscription { ContactId = contact.ContactId, ListId = list.ListId, Status = "normal" }]);

        Assert.That(result.Items, Is.Empty);
        Assert.That(result.Warnings.Single(), Does.Contain(list.ListId));
        Assert.That(result.Refused.Single().Kind, Is.EqualTo(IcontactRefusalKind.ListNotFound));
        Assert.That(result.Refused.Single().Message, Does.Contain(list.ListId));
    }

    [Test]
    public async Task Unsubscribed_members_of_a_list_can_be_read_page_by_page()
    {
        var client = Client();
        var list = await client.CreateListAsync(Folder(), "Customers");
        var contacts = (await client.UpsertContactsAsync(Folder(),
            Enumerable.Range(0, 30).Select(i => new IcontactContact { Email = $"c{i}@example.com" }).ToList())).Items;
        await client.SubscribeAsync(Folder(), contacts.Select((c, i) => new IcontactSubscription
        {
            ContactId = c.ContactId, ListId = list.ListId, Status = i % 3 == 0 ? "unsubscribed" : "normal"
        }).ToList());

        var unsubscribed = await IcontactPaging.ToListAsync((offset, token) => client.GetSubscriptionsPageAsync(Folder(), list.ListId, "unsubscribed", offset, 7, token));

        Assert.That(unsubscribed, Has.Count.EqualTo(10));
        Assert.That(unsubscribed.Select(s => s.Status), Has.All.EqualTo("unsubscribed"));
    }

    #endregion

    #region Custom fields

    [Test]
    public async Task A_custom_field_is_created_listed_and_stored_on_contacts()
    {
        var client = Client();
        await client.CreateCustomFieldAsync(Folder(), "nop_customer_id", "Customer ID");

        var fields = await IcontactPaging.ToListAsync((offset, token) => client.GetCustomFieldsPageAsync(Folder(), offset, cancellationToken: token));
        var contact = (await client.UpsertContactsAsync(Folder(),
            [new IcontactContact { Email = "ann@example.com", CustomFields = new() { ["nop_customer_id"] = "42" } }])).Items.Single();

        Assert.That(fields.Single().CustomFieldId, Is.EqualTo("nop_customer_id"));
        Assert.That(contact.CustomFields["nop_customer_id"].ToString(), Is.EqualTo("42"));
    }

    [Test]
    public void A_custom_field_name_with_spaces_is_rejected()
    {
        FailsWith(IcontactErrorKind.BadRequest, () => Client().CreateCustomFieldAsync(Folder(), "customer id", "Customer ID"));
    }

    #endregion
}
