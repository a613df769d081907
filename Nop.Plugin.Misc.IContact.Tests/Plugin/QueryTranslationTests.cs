using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Nop.Plugin.Misc.IContact.Tests.Plugin;

/// <summary>
/// nopCommerce 4.90.6 ships linq2db 5.4.1, which cannot translate the span overloads C# 14 binds to ("first-class
/// spans": <c>array.Contains(x)</c> becomes <c>MemoryExtensions.Contains(ReadOnlySpan&lt;T&gt;, T)</c>). A query's
/// expression tree names each method it calls with an <c>ldtoken</c>; this reads the built plugin's IL and refuses any
/// such token of a span type or of <see cref="MemoryExtensions"/>.
/// </summary>
public class QueryTranslationTests
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    private static readonly string[] SpanTypes = ["System.MemoryExtensions", "System.ReadOnlySpan`1", "System.Span`1"];

    /// <summary>
    /// Gets the declaring type and name of every method an expression tree of the assembly names
    /// </summary>
    private static List<(string Type, string Method, string In)> MethodsNamedByExpressionTrees(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var reader = pe.GetMetadataReader();
        var found = new List<(string, string, string)>();
        foreach (var handle in reader.MethodDefinitions)
        {
            var definition = reader.GetMethodDefinition(handle);
            if (definition.RelativeVirtualAddress == 0)
                continue;
            var il = pe.GetMethodBody(definition.RelativeVirtualAddress).GetILBytes()!;
            var owner = $"{reader.GetString(reader.GetTypeDefinition(definition.GetDeclaringType()).Name)}.{reader.GetString(definition.Name)}";
            for (var offset = 0; offset < il.Length;)
            {
                var value = il[offset] == 0xFE ? (short)(0xFE00 | il[offset + 1]) : il[offset];
                var code = OpCodesByValue[value];
                offset += code.Size;
                if (code == OpCodes.Ldtoken)
                {
                    var token = BitConverter.ToInt32(il, offset);
                    if (Describe(reader, MetadataTokens.EntityHandle(token)) is { } method)
                        found.Add((method.Type, method.Name, owner));
                }

                offset += code.OperandType switch
                {
                    OperandType.InlineNone => 0,
                    OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                    OperandType.InlineVar => 2,
                    OperandType.InlineI8 or OperandType.InlineR => 8,
                    OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, offset),
                    _ => 4
                };
            }
        }

        return found;
    }

    private static (string Type, string Name)? Describe(MetadataReader reader, EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.MethodSpecification:
                return Describe(reader, reader.GetMethodSpecification((MethodSpecificationHandle)handle).Method);
            case HandleKind.MemberReference:
                var reference = reader.GetMemberReference((MemberReferenceHandle)handle);
                return reference.GetKind() == MemberReferenceKind.Method ? (TypeName(reader, reference.Parent), reader.GetString(reference.Name)) : null;
            case HandleKind.MethodDefinition:
                var definition = reader.GetMethodDefinition((MethodDefinitionHandle)handle);
                var type = reader.GetTypeDefinition(definition.GetDeclaringType());
                return ($"{reader.GetString(type.Namespace)}.{reader.GetString(type.Name)}", reader.GetString(definition.Name));
            default:
                return null;
        }
    }

    private static string TypeName(MetadataReader reader, EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeReference:
                var reference = reader.GetTypeReference((TypeReferenceHandle)handle);
                return $"{reader.GetString(reference.Namespace)}.{reader.GetString(reference.Name)}";
            case HandleKind.TypeSpecification:
                //a generic instance such as ReadOnlySpan<string>: its blob starts with GENERICINST, CLASS/VALUETYPE, the type
                var blob = reader.GetBlobReader(reader.GetTypeSpecification((TypeSpecificationHandle)handle).Signature);
                blob.ReadSignatureHeader();
                blob.ReadCompressedInteger();
                return TypeName(reader, blob.ReadTypeHandle());
            case HandleKind.TypeDefinition:
                var definition = reader.GetTypeDefinition((TypeDefinitionHandle)handle);
                return $"{reader.GetString(definition.Namespace)}.{reader.GetString(definition.Name)}";
            default:
                return handle.Kind.ToString();
        }
    }

    private static string PluginAssemblyPath => typeof(IcontactPlugin).Assembly.Location;

    [Test]
    public void The_scan_sees_the_methods_the_plugin_s_queries_call()
    {
        var named = MethodsNamedByExpressionTrees(PluginAssemblyPath);

        //queries over IRepository<T> name the entity properties they filter on and the Contains of their id collections
        Assert.That(named.Select(m => $"{m.Type}::{m.Method}"), Does.Contain("Nop.Plugin.Misc.IContact.Domain.IcontactQueueItem::get_StoreId"));
        Assert.That(named.Where(m => m.Method == "Contains").Select(m => m.In), Has.Some.Contains("GetByContactIdsAsync"));
    }

    [Test]
    public void No_query_calls_a_span_method_linq2db_5_4_1_cannot_translate()
    {
        var spans = MethodsNamedByExpressionTrees(PluginAssemblyPath).Where(m => SpanTypes.Contains(m.Type)).ToList();

        Assert.That(spans.Select(m => $"{m.In}: {m.Type}::{m.Method}"), Is.Empty,
            "write the collection as List<T>/ICollection<T> so that Contains binds to the instance method (C# 14 binds arrays to MemoryExtensions)");
    }
}
