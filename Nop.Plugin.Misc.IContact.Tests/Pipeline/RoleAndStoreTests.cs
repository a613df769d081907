using Moq;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Core.Events;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;

namespace Nop.Plugin.Misc.IContact.Tests.Pipeline;

/// <summary>
/// Role changes are judged on the roles as they are now, and every change with the rules and consent of the store it
/// belongs to (issue 9 #7 and #11)
/// </summary>
public class RoleAndStoreTests : PipelineTestBase
{
    /// <summary>
    /// Imitates CustomerService.GetCustomerRoleIdsAsync of 4.90.6 over the per-request
    /// PerRequestCacheManager (key Nop.customer.customerrole.{0}): the admin edit reads the roles first, and until the
    /// platform's CustomerCustomerRoleMappingCacheEventConsumer evicts the entry — which, consumer order being
    /// unspecified, may happen after the plugin's consumer ran — every read in the request answers those roles
    /// </summary>
    private void RolesCachedForThisRequest(Customer customer)
    {
        var cached = Roles[customer.Id].ToArray();
        CustomerService.Setup(c => c.GetCustomerRoleIdsAsync(It.Is<Customer>(x => x.Id == customer.Id), It.IsAny<bool>())).ReturnsAsync(cached);
    }

    [Test]
    public async Task A_role_given_in_the_admin_is_judged_on_the_mappings_not_on_the_roles_cached_earlier_in_the_request()
    {
        var customer = NewCustomer("ann@example.com");
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(customer));
        await DeliverAllAsync();

        RolesCachedForThisRequest(customer);
        Roles[customer.Id] = [RegisteredRoleId, VipRoleId];
        await Consumer().HandleEventAsync(new EntityInsertedEvent<CustomerCustomerRoleMapping>(
            new CustomerCustomerRoleMapping { CustomerId = customer.Id, CustomerRoleId = VipRoleId }));
        await DeliverAllAsync();

        Assert.That(StatusOn("ann@example.com", VipListId), Is.EqualTo("pending"));
    }

    [Test]
    public async Task A_role_taken_in_the_admin_is_judged_on_the_mappings_not_on_the_roles_cached_earlier_in_the_request()
    {
        var customer = NewCustomer("vip@example.com", true, RegisteredRoleId, VipRoleId);
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(customer));
        await DeliverAllAsync();

        RolesCachedForThisRequest(customer);
        Roles[customer.Id] = [RegisteredRoleId];
        await Consumer().HandleEventAsync(new EntityDeletedEvent<CustomerCustomerRoleMapping>(
            new CustomerCustomerRoleMapping { CustomerId = customer.Id, CustomerRoleId = VipRoleId }));
        await DeliverAllAsync();

        Assert.That(StatusOn("vip@example.com", VipListId), Is.EqualTo("unsubscribed"));
    }

    private const int SecondStoreId = 2;

    /// <summary>
    /// A second store on the same iContact account with rules of its own
    /// </summary>
    private void SecondStoreWithRules(params IcontactRule[] rules)
    {
        Settings[SecondStoreId] = System.Text.Json.JsonSerializer.Deserialize<IcontactSettings>(System.Text.Json.JsonSerializer.Serialize(Settings[StoreId]));
        SeedRules(SecondStoreId, rules);
    }

    private string AddList(string name)
    {
        lock (Emulator.State.Lock)
            return Emulator.State.AddList(name).ListId.ToString();
    }

    [Test]
    public async Task A_newsletter_subscription_in_another_store_is_judged_with_that_stores_rules_and_consent()
    {
        var secondNewsletterListId = AddList("Second store newsletter");
        SecondStoreWithRules(new IcontactRule { CustomerRoleIds = [RegisteredRoleId], RequireNewsletter = true, ListId = secondNewsletterListId, ListName = "Second store newsletter" });
        var customer = NewCustomer("ann@example.com");

        var subscription = new NewsLetterSubscription { Email = customer.Email, StoreId = SecondStoreId, TypeId = NewsletterTypeId, Active = true };
        Newsletters.Add(subscription);
        await Consumer().HandleEventAsync(new EmailSubscribedEvent(subscription));
        await DeliverAllAsync();

        Assert.That(StatusOn("ann@example.com", secondNewsletterListId), Is.EqualTo("normal"));
        Assert.That(StatusOn("ann@example.com", NewsletterListId), Is.Null, "no consent was given in the customer's own store");
        Assert.That(Queue.Items.Select(item => item.StoreId).Distinct(), Is.EqualTo(new[] { SecondStoreId }));
    }

    [Test]
    public async Task A_role_given_in_the_admin_is_judged_with_the_rules_of_the_customers_store_not_the_admin_hosts()
    {
        //the admin host is store 1 (IStoreContext.GetCurrentStoreAsync in 4.90.6 answers the store of the request's host);
        //only the customer's store 2 has a rule for wholesalers
        var wholesaleListId = AddList("Wholesale");
        SecondStoreWithRules(CustomersRule, new IcontactRule { CustomerRoleIds = [WholesaleRoleId], ListId = wholesaleListId, ListName = "Wholesale" });
        var customer = NewCustomer("trader@example.com");
        customer.RegisteredInStoreId = SecondStoreId;

        Roles[customer.Id] = [RegisteredRoleId, WholesaleRoleId];
        await Consumer().HandleEventAsync(new EntityInsertedEvent<CustomerCustomerRoleMapping>(
            new CustomerCustomerRoleMapping { CustomerId = customer.Id, CustomerRoleId = WholesaleRoleId }));
        await DeliverAllAsync();

        Assert.That(StatusOn("trader@example.com", wholesaleListId), Is.EqualTo("normal"));
        Assert.That(Queue.Items.Select(item => item.StoreId).Distinct(), Is.EqualTo(new[] { SecondStoreId }));
    }

    [Test]
    public async Task A_role_no_rule_of_the_customers_store_mentions_queues_nothing()
    {
        var wholesaleListId = AddList("Wholesale");
        SecondStoreWithRules(new IcontactRule { CustomerRoleIds = [WholesaleRoleId], ListId = wholesaleListId, ListName = "Wholesale" });
        var customer = NewCustomer("trader@example.com");

        Roles[customer.Id] = [RegisteredRoleId, WholesaleRoleId];
        await Consumer().HandleEventAsync(new EntityInsertedEvent<CustomerCustomerRoleMapping>(
            new CustomerCustomerRoleMapping { CustomerId = customer.Id, CustomerRoleId = WholesaleRoleId }));

        Assert.That(Queue.Items, Is.Empty, "store 1's rules do not mention the role");
    }
}
