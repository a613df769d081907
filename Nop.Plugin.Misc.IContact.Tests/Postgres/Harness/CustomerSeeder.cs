using System.Diagnostics;
using System.Globalization;

namespace Nop.Plugin.Misc.IContact.Tests.Postgres.Harness;

/// <summary>
/// What <see cref="CustomerSeeder"/> writes: customer i (1-based) is "{prefix}{i}@example.com", registered i seconds
/// before <see cref="NewestCreatedOnUtc"/>, in the Registered role (3) and every <see cref="SecondRoleEvery"/>th also
/// in <see cref="SecondRoleId"/>; every <see cref="ConsentEvery"/>th has an active newsletter row in store 1
/// </summary>
public record SeedPlan(int Customers)
{
    public string EmailPrefix { get; init; } = "bulk";
    public DateTime NewestCreatedOnUtc { get; init; } = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    public int SecondRoleId { get; init; } = 6;
    public int SecondRoleEvery { get; init; } = 2;
    public int ConsentEvery { get; init; } = 2;
    public int InactiveEvery { get; init; }
    public int NoEmailEvery { get; init; }
}

/// <summary>
/// Fills the platform's tables server-side (one INSERT … SELECT over generate_series per table), so 100,000 customers
/// take seconds: the store (1), the platform's system roles (1 Administrators … 5 Vendors) and a custom role 6, the
/// newsletter type (1), customers with every NOT NULL column, role mappings and newsletter rows
/// </summary>
public static class CustomerSeeder
{
    public const int RegisteredRoleId = 3;

    public static async Task<TimeSpan> SeedAsync(PostgresDatabase database, SeedPlan plan)
    {
        var watch = Stopwatch.StartNew();
        var newest = plan.NewestCreatedOnUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        string Every(int n, string whenTrue, string otherwise) => n > 0 ? $"CASE WHEN i % {n} = 0 THEN {whenTrue} ELSE {otherwise} END" : otherwise;
        var email = Every(plan.NoEmailEvery, "NULL", $"'{plan.EmailPrefix}' || i || '@example.com'");

        await database.ExecuteAsync($"""
            INSERT INTO "Store" ("Name", "Url", "SslEnabled", "DefaultLanguageId", "DisplayOrder", "Deleted")
              SELECT 'Store', 'http://localhost/', false, 1, 0, false WHERE NOT EXISTS (SELECT 1 FROM "Store");
            INSERT INTO "CustomerRole" ("Name", "SystemName", "FreeShipping", "TaxExempt", "Active", "IsSystemRole", "EnablePasswordLifetime", "OverrideTaxDisplayType", "DefaultTaxDisplayTypeId", "PurchasedWithProductId")
              SELECT r.name, r.system, false, false, true, r.system IS NOT NULL, false, false, 0, 0
              FROM (VALUES (1, 'Administrators', 'Administrators'), (2, 'Forum Moderators', 'ForumModerators'), (3, 'Registered', 'Registered'),
                           (4, 'Guests', 'Guests'), (5, 'Vendors', 'Vendors'), (6, 'Wholesale', NULL)) AS r(id, name, system)
              WHERE NOT EXISTS (SELECT 1 FROM "CustomerRole") ORDER BY r.id;
            INSERT INTO "NewsLetterSubscriptionType" ("Name", "TickedByDefault", "DisplayOrder", "LimitedToStores")
              SELECT 'Newsletter', true, 0, false WHERE NOT EXISTS (SELECT 1 FROM "NewsLetterSubscriptionType");
            CREATE TEMP TABLE seed AS SELECT i, nextval('"Customer_Id_seq"')::int AS id FROM generate_series(1, {plan.Customers}) AS i;
            INSERT INTO "Customer" ("Id", "Username", "Email", "FirstName", "LastName", "CustomerGuid", "CountryId", "StateProvinceId", "VatNumberStatusId",
                "IsTaxExempt", "AffiliateId", "VendorId", "HasShoppingCartItems", "RequireReLogin", "FailedLoginAttempts", "Active", "Deleted", "IsSystemAccount",
                "CreatedOnUtc", "LastActivityDateUtc", "RegisteredInStoreId", "MustChangePassword")
              SELECT id, {email}, {email}, 'First' || i, 'Last' || i, gen_random_uuid(), 0, 0, 0,
                false, 0, 0, false, false, 0, {Every(plan.InactiveEvery, "false", "true")}, false, false,
                timestamp '{newest}' - i * interval '1 second', timestamp '{newest}', 1, false
              FROM seed;
            INSERT INTO "Customer_CustomerRole_Mapping" ("Customer_Id", "CustomerRole_Id") SELECT id, {RegisteredRoleId} FROM seed;
            INSERT INTO "Customer_CustomerRole_Mapping" ("Customer_Id", "CustomerRole_Id")
              SELECT id, {plan.SecondRoleId} FROM seed WHERE {(plan.SecondRoleEvery > 0 ? $"i % {plan.SecondRoleEvery} = 0" : "false")};
            INSERT INTO "NewsLetterSubscription" ("NewsLetterSubscriptionGuid", "Email", "Active", "StoreId", "CreatedOnUtc", "LanguageId", "TypeId")
              SELECT gen_random_uuid(), '{plan.EmailPrefix}' || i || '@example.com', true, 1, timestamp '{newest}', 1, 1
              FROM seed WHERE {(plan.ConsentEvery > 0 ? $"i % {plan.ConsentEvery} = 0" : "false")};
            DROP TABLE seed;
            ANALYZE;
            """);
        return watch.Elapsed;
    }

    /// <summary>
    /// Registers one more customer (e.g. while a run pages), with every NOT NULL column the stand-in Customer lacks
    /// </summary>
    /// <returns>The customer's id</returns>
    public static Task<int> AddCustomerAsync(PostgresDatabase database, string email, DateTime createdOnUtc, int[] roleIds, bool newsletter = false, bool active = true)
    {
        var created = createdOnUtc.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
        var quoted = email is null ? "NULL" : $"'{email.Replace("'", "''")}'";
        var mappings = string.Join(" ", roleIds.Select(role => $"INSERT INTO \"Customer_CustomerRole_Mapping\" (\"Customer_Id\", \"CustomerRole_Id\") SELECT id, {role} FROM added;"));
        return database.ScalarAsync<int>($"""
            CREATE TEMP TABLE added AS WITH inserted AS (
              INSERT INTO "Customer" ("Username", "Email", "CustomerGuid", "CountryId", "StateProvinceId", "VatNumberStatusId", "IsTaxExempt", "AffiliateId",
                  "VendorId", "HasShoppingCartItems", "RequireReLogin", "FailedLoginAttempts", "Active", "Deleted", "IsSystemAccount", "CreatedOnUtc",
                  "LastActivityDateUtc", "RegisteredInStoreId", "MustChangePassword")
              VALUES ({quoted}, {quoted}, gen_random_uuid(), 0, 0, 0, false, 0, 0, false, false, 0, {(active ? "true" : "false")}, false, false,
                  timestamp '{created}', timestamp '{created}', 1, false)
              RETURNING "Id" AS id)
            SELECT id FROM inserted;
            {mappings}
            {(newsletter && email is not null ? $"INSERT INTO \"NewsLetterSubscription\" (\"NewsLetterSubscriptionGuid\", \"Email\", \"Active\", \"StoreId\", \"CreatedOnUtc\", \"LanguageId\", \"TypeId\") VALUES (gen_random_uuid(), {quoted}, true, 1, timestamp '{created}', 1, 1);" : string.Empty)}
            SELECT id FROM added;
            DROP TABLE added;
            """);
    }

    /// <summary>
    /// Places one order (a product is created on first use, as order items need one), with every NOT NULL column the
    /// stand-in Order lacks
    /// </summary>
    /// <returns>The order's id</returns>
    public static Task<int> AddOrderAsync(PostgresDatabase database, int customerId, decimal total, DateTime createdOnUtc, int storeId = 1,
        int orderStatusId = 10, int paymentStatusId = 30, decimal refunded = 0m, bool deleted = false)
    {
        var created = createdOnUtc.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
        string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
        return database.ScalarAsync<int>($"""
            INSERT INTO "Order" ("CustomOrderNumber", "BillingAddressId", "CustomerId", "OrderGuid", "StoreId", "PickupInStore", "OrderStatusId",
                "ShippingStatusId", "PaymentStatusId", "CurrencyRate", "CustomerTaxDisplayTypeId", "OrderSubtotalInclTax", "OrderSubtotalExclTax",
                "OrderSubTotalDiscountInclTax", "OrderSubTotalDiscountExclTax", "OrderShippingInclTax", "OrderShippingExclTax",
                "PaymentMethodAdditionalFeeInclTax", "PaymentMethodAdditionalFeeExclTax", "OrderTax", "OrderDiscount", "OrderTotal", "RefundedAmount",
                "CustomerLanguageId", "AffiliateId", "AllowStoringCreditCardNumber", "Deleted", "CreatedOnUtc")
            VALUES ('', 0, {customerId}, gen_random_uuid(), {storeId}, false, {orderStatusId}, 10, {paymentStatusId}, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                {Number(total)}, {Number(refunded)}, 1, 0, false, {(deleted ? "true" : "false")}, timestamp '{created}')
            RETURNING "Id";
            """);
    }

    /// <summary>
    /// Places orders server-side (one INSERT … SELECT over generate_series) for the customers SeedAsync made (ids 1..customers):
    /// order i belongs to customer (i mod customers) + 1, totals vary from 5.00 to 204.99, every 7th order is still pending
    /// payment, placed over the year before the newest customer
    /// </summary>
    /// <returns>How long it took</returns>
    public static async Task<TimeSpan> SeedOrdersAsync(PostgresDatabase database, int orders, int customers, DateTime newestUtc)
    {
        var watch = Stopwatch.StartNew();
        var newest = newestUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        await database.ExecuteAsync($"""
            INSERT INTO "Order" ("CustomOrderNumber", "BillingAddressId", "CustomerId", "OrderGuid", "StoreId", "PickupInStore", "OrderStatusId",
                "ShippingStatusId", "PaymentStatusId", "CurrencyRate", "CustomerTaxDisplayTypeId", "OrderSubtotalInclTax", "OrderSubtotalExclTax",
                "OrderSubTotalDiscountInclTax", "OrderSubTotalDiscountExclTax", "OrderShippingInclTax", "OrderShippingExclTax",
                "PaymentMethodAdditionalFeeInclTax", "PaymentMethodAdditionalFeeExclTax", "OrderTax", "OrderDiscount", "OrderTotal", "RefundedAmount",
                "CustomerLanguageId", "AffiliateId", "AllowStoringCreditCardNumber", "Deleted", "CreatedOnUtc")
              SELECT '', 0, (i % {customers}) + 1, gen_random_uuid(), 1, false, 30, 10, CASE WHEN i % 7 = 0 THEN 10 ELSE 30 END, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                5 + (i % 20000) / 100.0, 0, 1, 0, false, false, timestamp '{newest}' - (i % 365) * interval '1 day'
              FROM generate_series(1, {orders}) AS i;
            ANALYZE "Order";
            """);
        return watch.Elapsed;
    }
}
