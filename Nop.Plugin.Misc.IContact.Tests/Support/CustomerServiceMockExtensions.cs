using Moq;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Services.Customers;

namespace Nop.Plugin.Misc.IContact.Tests.Support;

/// <summary>
/// The platform's customer paging has 21 parameters, more than a Moq callback takes: one setup, read by position
/// </summary>
public static class CustomerServiceMockExtensions
{
    /// <summary>
    /// Answers GetAllCustomersAsync with the given function of (createdToUtc, customerRoleIds, isActive, pageIndex, pageSize, getOnlyTotalCount)
    /// </summary>
    public static void SetupCustomerPaging(this Mock<ICustomerService> mock,
        Func<DateTime?, int[], bool?, int, int, bool, IPagedList<Customer>> page)
    {
        mock.Setup(c => c.GetAllCustomersAsync(It.IsAny<DateTime?>(), It.IsAny<DateTime?>(), It.IsAny<DateTime?>(), It.IsAny<DateTime?>(),
                It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int[]>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(),
                It.IsAny<int>(), It.IsAny<int>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<bool?>(),
                It.IsAny<int>(), It.IsAny<int>(), It.IsAny<bool>()))
            .Returns(new InvocationFunc(invocation =>
            {
                var args = invocation.Arguments;
                return Task.FromResult(page((DateTime?)args[1], (int[])args[6], (bool?)args[17], (int)args[18], (int)args[19], (bool)args[20]));
            }));
    }
}
