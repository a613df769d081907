namespace Nop.Web.Framework.Infrastructure.Extensions
{
    public static partial class HttpClientBuilderExtensions
    {
        public static void WithProxy(this Microsoft.Extensions.DependencyInjection.IHttpClientBuilder httpClientBuilder) { }
    }
}
