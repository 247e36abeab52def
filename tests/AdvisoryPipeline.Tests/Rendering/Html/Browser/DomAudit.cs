namespace AdvisoryPipeline.Tests.Rendering.Html.Browser;

/// <summary>
/// A script run in the loaded page that lists everything in the DOM that could execute code or load from
/// elsewhere: event handler attributes, inline styles, URLs whose scheme is not http/https/mailto/file
/// (after the browser resolved them), and elements the site never writes. Our own markup passes: our script
/// file and the search index it loads, the filter form, the noscript note, and alias pages' meta refresh.
/// It sees the DOM the browser built, so it also catches markup that escaped encoding but was stopped by
/// the CSP.
/// </summary>
internal static class DomAudit
{
    public const string HtmlPage = """
        () => {
          const problems = [];
          const describe = el => '<' + el.localName + (el.id ? '#' + el.id : '') + '>';
          const urlAttributes = ['href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'xlink:href', 'ping', 'cite', 'srcset'];
          const allowedSchemes = ['http:', 'https:', 'mailto:', 'file:'];
          const forbidden = 'iframe, frame, frameset, object, embed, applet, base, style, img, picture, video, audio, source, svg, math, template, portal, canvas';
          for (const el of document.querySelectorAll(forbidden)) problems.push('forbidden element ' + describe(el));
          for (const el of document.querySelectorAll('*')) {
            for (const attr of Array.from(el.attributes)) {
              const name = attr.name.toLowerCase();
              if (name.startsWith('on')) problems.push('event handler ' + name + ' on ' + describe(el));
              if (name === 'style') problems.push('inline style on ' + describe(el));
              if (urlAttributes.includes(name)) {
                let scheme;
                try { scheme = new URL(attr.value, document.baseURI).protocol; } catch { scheme = 'unparsable'; }
                if (!allowedSchemes.includes(scheme)) problems.push(name + '=' + attr.value + ' on ' + describe(el));
              }
            }
          }
          for (const script of document.scripts) {
            const src = script.getAttribute('src') || '';
            const ours = src.endsWith('assets/site.js') || /^(\.\.\/)*search-index\.js$/.test(src);
            if (!ours) problems.push('foreign script ' + (script.src || script.textContent.slice(0, 80)));
          }
          for (const form of document.forms) if (form.id !== 'filters') problems.push('foreign form ' + describe(form));
          for (const input of document.querySelectorAll('input, select, textarea, button'))
            if (!input.closest('#filters')) problems.push('foreign control ' + describe(input));
          for (const link of document.querySelectorAll('link[rel~="stylesheet"]'))
            if (!link.getAttribute('href').endsWith('assets/site.css')) problems.push('foreign stylesheet ' + link.href);
          for (const meta of document.querySelectorAll('meta[http-equiv]')) {
            const kind = meta.httpEquiv.toLowerCase();
            const ours = kind === 'content-security-policy'
              || (kind === 'refresh' && /^0; url=\.\.\/[A-Za-z0-9._-]+\/index\.html$/.test(meta.content));
            if (!ours) problems.push('foreign meta ' + kind + '=' + meta.content);
          }
          if (document.querySelectorAll('noscript').length > 1) problems.push('foreign noscript');
          if (document.querySelectorAll('h1').length !== 1) problems.push('expected one h1, found ' + document.querySelectorAll('h1').length);
          const main = document.querySelector('main#main');
          if (!main || main.textContent.trim().length === 0) problems.push('empty or missing main');
          return problems;
        }
        """;

    /// <summary>For the feed: an Atom document with entries, and not a single element in another namespace.</summary>
    public const string AtomFeed = """
        () => {
          const atom = 'http://www.w3.org/2005/Atom';
          const problems = [];
          const root = document.documentElement;
          if (root.localName !== 'feed' || root.namespaceURI !== atom) problems.push('root element is ' + root.localName + ' in ' + root.namespaceURI);
          for (const el of document.getElementsByTagName('*'))
            if (el.namespaceURI !== atom) problems.push('foreign element ' + el.localName + ' in ' + el.namespaceURI);
          if (document.getElementsByTagNameNS(atom, 'entry').length === 0) problems.push('no entries');
          return problems;
        }
        """;
}
