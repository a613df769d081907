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
}
