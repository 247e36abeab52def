using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace AdvisoryPipeline.Tests.Architecture;

/// <summary>
/// Lists the metadata tokens that a method body's IL instructions carry (call, newobj, ldfld, ldtoken, castclass,
/// isinst, box, newarr, initobj, constrained., calli's signature...). The operand size of every opcode comes from
/// the runtime's own <see cref="OpCodes"/> table rather than a hand-written list, so that no instruction is
/// skipped or misread; an opcode the table does not know stops the scan with an error instead of guessing.
/// </summary>
internal static class IlTokenScanner
{
    private static readonly OperandType?[] OneByte = new OperandType?[256];
    private static readonly OperandType?[] TwoByte = new OperandType?[256];

    static IlTokenScanner()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is not OpCode code)
                continue;
            var value = (ushort)code.Value;
            if (code.Size == 1)
                OneByte[value] = code.OperandType;
            else
                TwoByte[value & 0xFF] = code.OperandType;
        }
    }

    /// <summary>The handles of the token operands in <paramref name="il"/>, in instruction order (user strings left out).</summary>
    public static List<EntityHandle> Tokens(BlobReader il)
    {
        var tokens = new List<EntityHandle>();
        while (il.RemainingBytes > 0)
        {
            var offset = il.Offset;
            var first = il.ReadByte();
            var operand = first == 0xFE ? TwoByte[il.ReadByte()] : OneByte[first];
            switch (operand)
            {
                case null:
                    throw new BadImageFormatException($"Unknown IL opcode at offset {offset}: the IL token scan cannot go on.");
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType or OperandType.InlineSig:
                    tokens.Add(MetadataTokens.EntityHandle(il.ReadInt32()));
                    break;
                case OperandType.InlineSwitch:
                    // The count first, in its own statement: "Offset += 4 * ReadInt32()" would read Offset before the count moves it.
                    var targets = il.ReadInt32();
                    il.Offset += 4 * targets;
                    break;
                default:
                    il.Offset += OperandSize(operand.Value);
                    break;
            }
        }
        return tokens;
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineBrTarget or OperandType.InlineI or OperandType.ShortInlineR or OperandType.InlineString => 4,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => throw new BadImageFormatException($"IL operand type {operand} has no known size."),
    };
}
