using System.Globalization;
using System.Text.Json;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Plugin.Misc.IContact.Tests.Support;

namespace Nop.Plugin.Misc.IContact.Tests.Pipeline;

/// <summary>
/// What a contact carries to iContact: the default mapping (what 1.0 sent), every source formatted as iContact expects,
/// mapped fields landing in the emulator from a registration and an order, store scopes
/// </summary>
public class FieldMappingTests : PipelineTestBase
{
    private const int CountryAttributeId = 5;
    private const int HobbyAttributeId = 6;
    private const int NoteAttributeId = 7;

    private FieldMappingService Mappings() => Resolve<FieldMappingService>();

    private ContactSnapshotBuilder Builder() => Resolve<ContactSnapshotBuilder>();

    /// <summary>
    /// The order consumer as the platform builds it (consumers are resolved by constructor injection, not registered)
    /// </summary>
    private FieldEventConsumer FieldConsumer() => new(Resolve<ContactFieldUpdater>(), Resolve<InstallationGuard>());

    private static JsonElement Json(ContactSnapshot snapshot) => JsonDocument.Parse(snapshot.Json).RootElement;

    private void AddCustomField(string privateName, string fieldType = "text")
    {
        lock (Emulator.State.Lock)
            Emulator.State.CustomFields[privateName] = new IcontactEmulator.CustomFieldRecord { PrivateName = privateName, PublicName = privateName, FieldType = fieldType };
    }

    private Dictionary<string, string> EmulatorFieldsOf(string email)
    {
        lock (Emulator.State.Lock)
            return new Dictionary<string, string>(Emulator.State.FindContactByEmail(email)!.Fields);
    }

    private void AddOrder(Customer customer, decimal total, DateTime createdOnUtc, PaymentStatus payment = PaymentStatus.Paid, int storeId = StoreId) =>
        FieldPlatform.Orders.InsertAsync(new Order
        {
            CustomerId = customer.Id, StoreId = storeId, OrderTotal = total, CreatedOnUtc = createdOnUtc,
            OrderStatusId = (int)OrderStatus.Complete, PaymentStatusId = (int)payment
        }).Wait();

    private static readonly FieldMapping[] OrderMappings =
    [
        new(FieldSource.OrderCount, "ordercount"),
        new(FieldSource.TotalSpent, "totalspent"),
        new(FieldSource.FirstOrderDate, "firstorder"),
        new(FieldSource.LastOrderDate, "lastorder"),
        new(FieldSource.LastOrderTotal, "lastordertotal")
    ];

    [Test]
    public async Task Without_a_saved_mapping_a_contact_carries_exactly_what_version_1_0_sent()
    {
        Settings[StoreId].CustomerIdCustomField = "nopid";
        var customer = NewCustomer("Ann@Example.com");
        customer.StreetAddress = "1 Main St";
        customer.StreetAddress2 = "";
        customer.ZipPostalCode = "12345";
        customer.Gender = "F";
        customer.CountryId = 1;

        var snapshot = await Builder().BuildAsync(customer, StoreId, Settings[StoreId]);

        //the payload of QueueItemFactory.SnapshotOf before field mappings, byte for byte
        Assert.That(snapshot.Json, Is.EqualTo(
            "{\"email\":\"ann@example.com\",\"firstName\":\"FirstAnn\",\"lastName\":\"Last\",\"street\":\"1 Main St\",\"street2\":\"\",\"city\":\"Springfield\"," +
            "\"postalCode\":\"12345\",\"phone\":\"555-0100\",\"business\":\"Shop Ltd\",\"nopid\":\"" + customer.Id + "\"}"));
        Assert.That(snapshot.FieldsVersion, Is.EqualTo(FieldMappingService.VersionOf(FieldMappingService.DefaultMappings(Settings[StoreId]))));
        Assert.That(FieldMaps.Items, Is.Empty, "nothing was written for the owner");
    }

    [Test]
    public async Task Every_source_is_formatted_as_iContact_expects_in_any_culture()
    {
        FieldPlatform.Attributes.AddRange([
            new CustomerAttribute { Id = CountryAttributeId, Name = "Favourite roast", AttributeControlType = AttributeControlType.DropdownList },
            new CustomerAttribute { Id = HobbyAttributeId, Name = "Hobbies", AttributeControlType = AttributeControlType.Checkboxes },
            new CustomerAttribute { Id = NoteAttributeId, Name = "Note", AttributeControlType = AttributeControlType.TextBox }]);
        FieldPlatform.AttributeValues.AddRange([
            new CustomerAttributeValue { Id = 51, AttributeId = CountryAttributeId, Name = "Dark" },
            new CustomerAttributeValue { Id = 61, AttributeId = HobbyAttributeId, Name = "Cycling" },
            new CustomerAttributeValue { Id = 62, AttributeId = HobbyAttributeId, Name = "Chess" }]);
        Stores[StoreId] = new Nop.Core.Domain.Stores.Store { Id = StoreId, Name = "Coffee Shop" };
        var customer = NewCustomer("all@example.com");
        customer.Gender = "M";
        customer.DateOfBirth = new DateTime(1990, 7, 4);
        customer.CountryId = 2;
        customer.StateProvinceId = 10;
        customer.LanguageId = 2;
        customer.CreatedOnUtc = new DateTime(2024, 1, 31, 23, 30, 0, DateTimeKind.Utc);
        customer.CustomCustomerAttributesXML = FieldPlatformFakes.AttributesXml((CountryAttributeId, "51"), (HobbyAttributeId, "61"), (HobbyAttributeId, "62"), (NoteAttributeId, " decaf only "));
        AddOrder(customer, 10.5m, new DateTime(2025, 2, 3));
        AddOrder(customer, 1234.567m, new DateTime(2025, 12, 24));
        AddOrder(customer, 99m, new DateTime(2025, 6, 1), PaymentStatus.Pending);
        await Mappings().SaveAsync(0,
        [
            new(FieldSource.Gender, "gender"), new(FieldSource.DateOfBirth, "birthday"), new(FieldSource.Country, "country"),
            new(FieldSource.StateProvince, "state"), new(FieldSource.Language, "language"), new(FieldSource.Store, "store"),
            new(FieldSource.RegistrationDate, "registered"), new(FieldSource.CustomerId, "nopid"),
            new(FieldSource.CustomerAttribute, "roast", CountryAttributeId), new(FieldSource.CustomerAttribute, "hobbies", HobbyAttributeId),
            new(FieldSource.CustomerAttribute, "note", NoteAttributeId), .. OrderMappings
        ]);

        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        ContactSnapshot snapshot;
        try
        {
            snapshot = await Builder().BuildAsync(customer, StoreId, Settings[StoreId]);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        var json = Json(snapshot);
        string Field(string name) => json.TryGetProperty(name, out var value) ? value.GetString() : null;
        Assert.Multiple(() =>
        {
            Assert.That(Field("gender"), Is.EqualTo("Male"));
            Assert.That(Field("birthday"), Is.EqualTo("07/04/1990"));
            Assert.That(Field("country"), Is.EqualTo("Germany"));
            Assert.That(Field("state"), Is.EqualTo("New York"), "a standard field");
            Assert.That(Field("language"), Is.EqualTo("Deutsch"));
            Assert.That(Field("store"), Is.EqualTo("Coffee Shop"));
            Assert.That(Field("registered"), Is.EqualTo("01/31/2024"));
            Assert.That(Field("nopid"), Is.EqualTo(customer.Id.ToString(CultureInfo.InvariantCulture)));
            Assert.That(Field("roast"), Is.EqualTo("Dark"), "a value's name, not its id");
            Assert.That(Field("hobbies"), Is.EqualTo("Cycling, Chess"));
            Assert.That(Field("note"), Is.EqualTo("decaf only"));
            Assert.That(Field("ordercount"), Is.EqualTo("3"), "cancelled orders aside, every order counts");
            Assert.That(Field("totalspent"), Is.EqualTo("1245.07"), "paid orders only, two decimals, a point whatever the culture");
            Assert.That(Field("firstorder"), Is.EqualTo("02/03/2025"));
            Assert.That(Field("lastorder"), Is.EqualTo("12/24/2025"));
            Assert.That(Field("lastordertotal"), Is.EqualTo("1234.57"));
            Assert.That(Field("firstName"), Is.Null, "only what is mapped is sent");
        });
    }

    [Test]
    public async Task Values_a_customer_does_not_have_are_left_out_and_order_totals_start_at_zero()
    {
        var customer = NewCustomer("new@example.com");
        await Mappings().SaveAsync(0, [new(FieldSource.DateOfBirth, "birthday"), new(FieldSource.Gender, "gender"), new(FieldSource.Country, "country"), .. OrderMappings]);

        var json = Json(await Builder().BuildAsync(customer, StoreId, Settings[StoreId]));

        Assert.That(json.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "email", "ordercount", "totalspent" }));
        Assert.That(json.GetProperty("ordercount").GetString(), Is.EqualTo("0"));
        Assert.That(json.GetProperty("totalspent").GetString(), Is.EqualTo("0.00"));
    }

    [Test]
    public async Task A_registration_lands_in_iContact_with_its_mapped_fields_in_the_same_contacts_request()
    {
        AddCustomField("birthday");
        AddCustomField("ordercount");
        await Mappings().SaveAsync(0, [.. FieldMappingService.DefaultMappings(null), new(FieldSource.DateOfBirth, "birthday"), new(FieldSource.OrderCount, "ordercount")]);
        var customer = NewCustomer("reg@example.com");
        customer.DateOfBirth = new DateTime(2001, 12, 9);
        int requests;
        lock (Emulator.State.Lock)
            requests = Emulator.State.RequestLog.Count;

        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(customer));
        await DeliverAllAsync();

        var fields = EmulatorFieldsOf("reg@example.com");
        Assert.That(fields["birthday"], Is.EqualTo("12/09/2001"));
        Assert.That(fields["ordercount"], Is.EqualTo("0"));
        Assert.That(fields["firstName"], Is.EqualTo("Firstreg"));
        lock (Emulator.State.Lock)
            Assert.That(Emulator.State.RequestLog.Skip(requests).Count(r => r.StartsWith("POST") && r.EndsWith("/contacts")), Is.EqualTo(1), "no extra call for the fields");
        Assert.That(Subscribers.Items.Single().FieldsVersion, Is.EqualTo((await Mappings().GetAsync(StoreId, Settings[StoreId])).Version));
    }

    [Test]
    public async Task An_order_sends_the_listed_contact_s_new_order_statistics_without_touching_its_lists()
    {
        foreach (var mapping in OrderMappings)
            AddCustomField(mapping.Target);
        await Mappings().SaveAsync(0, OrderMappings);
        var customer = NewCustomer("buyer@example.com");
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(customer));
        await DeliverAllAsync();
        var order = new Order { CustomerId = customer.Id, StoreId = StoreId, OrderTotal = 42m, CreatedOnUtc = new DateTime(2026, 3, 1), OrderStatusId = (int)OrderStatus.Pending, PaymentStatusId = (int)PaymentStatus.Paid };
        await FieldPlatform.Orders.InsertAsync(order);
        int subscriptionPosts;
        lock (Emulator.State.Lock)
            subscriptionPosts = Emulator.State.RequestLog.Count(r => r.EndsWith("/subscriptions"));

        await FieldConsumer().HandleEventAsync(new OrderPlacedEvent(order));

        Assert.That(Queue.Items.Count(i => i.Operation == QueueOperation.UpdateContact && i.State == QueueItemState.Pending), Is.EqualTo(1), "queued, not sent, on the shopper's request");
        await DeliverAllAsync();
        var fields = EmulatorFieldsOf("buyer@example.com");
        Assert.Multiple(() =>
        {
            Assert.That(fields["ordercount"], Is.EqualTo("1"));
            Assert.That(fields["totalspent"], Is.EqualTo("42.00"));
            Assert.That(fields["firstorder"], Is.EqualTo("03/01/2026"));
            Assert.That(fields["lastordertotal"], Is.EqualTo("42.00"));
        });
        lock (Emulator.State.Lock)
            Assert.That(Emulator.State.RequestLog.Count(r => r.EndsWith("/subscriptions")), Is.EqualTo(subscriptionPosts), "no list change");
        Assert.That(StatusOn("buyer@example.com", CustomersListId), Is.EqualTo("normal"));
    }

    [Test]
    public async Task A_refund_and_a_cancellation_send_the_listed_contact_s_new_order_statistics()
    {
        foreach (var mapping in OrderMappings)
            AddCustomField(mapping.Target);
        await Mappings().SaveAsync(0, OrderMappings);
        var customer = NewCustomer("buyer@example.com");
        var first = new Order { CustomerId = customer.Id, StoreId = StoreId, OrderTotal = 100m, CreatedOnUtc = new DateTime(2026, 3, 1), OrderStatusId = (int)OrderStatus.Complete, PaymentStatusId = (int)PaymentStatus.Paid };
        var second = new Order { CustomerId = customer.Id, StoreId = StoreId, OrderTotal = 50m, CreatedOnUtc = new DateTime(2026, 4, 1), OrderStatusId = (int)OrderStatus.Processing, PaymentStatusId = (int)PaymentStatus.Paid };
        await FieldPlatform.Orders.InsertAsync(first);
        await FieldPlatform.Orders.InsertAsync(second);
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(customer));
        await DeliverAllAsync();
        Assert.That(EmulatorFieldsOf("buyer@example.com")["totalspent"], Is.EqualTo("150.00"));

        //a partial refund of the first order, saved before its event as OrderProcessingService does
        first.RefundedAmount = 30m;
        first.PaymentStatusId = (int)PaymentStatus.PartiallyRefunded;
        await FieldPlatform.Orders.UpdateAsync(first);
        await FieldConsumer().HandleEventAsync(new OrderRefundedEvent(first, 30m));
        await DeliverAllAsync();
        Assert.That(EmulatorFieldsOf("buyer@example.com")["totalspent"], Is.EqualTo("120.00"));

        //the second order cancelled: it leaves the count and the amount
        second.OrderStatusId = (int)OrderStatus.Cancelled;
        await FieldPlatform.Orders.UpdateAsync(second);
        await FieldConsumer().HandleEventAsync(new OrderStatusChangedEvent(second, OrderStatus.Processing));
        await DeliverAllAsync();
        var fields = EmulatorFieldsOf("buyer@example.com");
        Assert.Multiple(() =>
        {
            Assert.That(fields["ordercount"], Is.EqualTo("1"));
            Assert.That(fields["totalspent"], Is.EqualTo("70.00"));
            Assert.That(fields["lastordertotal"], Is.EqualTo("100.00"));
        });
    }

    [Test]
    public async Task An_order_queues_nothing_when_no_mapping_uses_order_statistics()
    {
        var customer = NewCustomer("plain@example.com");
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(customer));
        await DeliverAllAsync();
        var queued = Queue.Items.Count;
        var order = new Order { CustomerId = customer.Id, StoreId = StoreId, OrderTotal = 5m, CreatedOnUtc = Clock.GetUtcNow().UtcDateTime };
        await FieldPlatform.Orders.InsertAsync(order);

        await FieldConsumer().HandleEventAsync(new OrderPlacedEvent(order));

        Assert.That(Queue.Items, Has.Count.EqualTo(queued));
    }

    [Test]
    public async Task A_store_with_mappings_of_its_own_uses_them_and_goes_back_to_the_shared_ones()
    {
        await Mappings().SaveAsync(0, [new(FieldSource.FirstName, "firstName")]);
        await Mappings().SaveAsync(StoreId, [new(FieldSource.LastName, "lastName")]);

        var own = await Mappings().GetAsync(StoreId, Settings[StoreId]);
        var other = await Mappings().GetAsync(2, Settings[0]);
        Assert.That(own.Own, Is.True);
        Assert.That(own.Mappings.Single().Source, Is.EqualTo(FieldSource.LastName));
        Assert.That(other.Own, Is.False);
        Assert.That(other.Mappings.Single().Source, Is.EqualTo(FieldSource.FirstName));
        Assert.That(own.Version, Is.Not.EqualTo(other.Version));

        await Mappings().UseSharedAsync(StoreId);

        var shared = await Mappings().GetAsync(StoreId, Settings[StoreId]);
        Assert.That(shared.Own, Is.False);
        Assert.That(shared.Mappings.Single().Source, Is.EqualTo(FieldSource.FirstName));
    }

    [Test]
    public async Task Formatted_values_suit_number_and_date_fields_an_owner_made_in_iContact()
    {
        lock (Emulator.State.Lock)
            Emulator.State.Switches.CheckCustomFieldValues = true;
        AddCustomField("ordercount", "number");
        AddCustomField("totalspent", "number");
        AddCustomField("firstorder", "date");
        AddCustomField("lastorder", "date");
        AddCustomField("lastordertotal", "number");
        await Mappings().SaveAsync(0, OrderMappings);
        var customer = NewCustomer("typed@example.com");
        AddOrder(customer, 1234.5m, new DateTime(2026, 5, 17));
        AddOrder(customer, 0.125m, new DateTime(2026, 6, 1));

        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(customer));
        await DeliverAllAsync();

        var fields = EmulatorFieldsOf("typed@example.com");
        Assert.That(new[] { "ordercount", "totalspent", "firstorder", "lastorder", "lastordertotal" }.Select(fields.GetValueOrDefault),
            Is.EqualTo(new[] { "2", "1234.63", "05/17/2026", "06/01/2026", "0.13" }), "every value accepted by its field's type");
    }
}
