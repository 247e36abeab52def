namespace AdvisoryPipeline.Tests.Rendering.Html.Browser;

/// <summary>
/// A script that measures, for every visible element with its own text, the WCAG contrast ratio between
/// its computed text colour and the background it is painted on (the nearest opaque ancestor background,
/// with translucent layers blended in), and lists those below 4.5:1 (AA for normal text).
/// </summary>
internal static class ContrastAudit
{
    public const double MinimumRatio = 4.5;

    public const string Script = """
        (minimum) => {
          const rgba = text => {
            const parts = text.match(/[\d.]+/g).map(Number);
            return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
          };
          const blend = (top, bottom) => ({
            r: top.r * top.a + bottom.r * (1 - top.a),
            g: top.g * top.a + bottom.g * (1 - top.a),
            b: top.b * top.a + bottom.b * (1 - top.a),
            a: 1,
          });
          const luminance = c => {
            const channel = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
          };
          const backgroundOf = element => {
            const layers = [];
            for (let e = element; e; e = e.parentElement) {
              const c = rgba(getComputedStyle(e).backgroundColor);
              if (c.a > 0) layers.push(c);
              if (c.a >= 1) break;
            }
            let color = layers.length && layers[layers.length - 1].a >= 1 ? layers.pop() : { r: 255, g: 255, b: 255, a: 1 };
            while (layers.length) color = blend(layers.pop(), color);
            return color;
          };
          const failures = [];
          for (const element of document.querySelectorAll('body *')) {
            const ownText = Array.from(element.childNodes).some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
            if (!ownText || element.closest('.visually-hidden, [hidden], script, noscript')) continue;
            const style = getComputedStyle(element);
            const box = element.getBoundingClientRect();
            if (style.display === 'none' || style.visibility === 'hidden' || box.width === 0 || box.height === 0) continue;
            const background = backgroundOf(element);
            const text = blend(rgba(style.color), background);
            const [light, dark] = [luminance(text), luminance(background)].sort((x, y) => y - x);
            const ratio = (light + 0.05) / (dark + 0.05);
            if (ratio < minimum)
              failures.push(element.localName + '.' + element.className + ' "' + element.textContent.trim().slice(0, 40) + '" ' + ratio.toFixed(2) + ':1');
          }
          return failures;
        }
        """;
}
