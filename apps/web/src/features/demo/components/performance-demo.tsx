import { preconnect, prefetchDNS, preload } from 'react-dom';
import { DEMO_FONT_URL, DEMO_IMAGES, srcSet } from '../utils/demo-images.ts';
import { ResourceTimingPanel } from './resource-timing-panel.tsx';
import { ResponsiveImage } from './responsive-image.tsx';
import './demo.css';

/** Where the calculator's buy links go: worth resolving early, they are the next navigation. */
const SHOP_ORIGIN = 'https://shop.taurine.example';

/**
 * The optimisation showcase done for real: responsive AVIF/WebP images with JPEG fallbacks, blur
 * placeholders and lazy loading, a preloaded WOFF2 font with `font-display: swap`, resource
 * hints, and live Resource Timing counters that show what all of it cost.
 */
export function PerformanceDemo() {
  const [hero, ...gallery] = DEMO_IMAGES;
  // React 19 hoists these into <head>: the font and the hero image start loading with the page
  // code instead of after it, and the shop's DNS and connection are ready before a click.
  preload(DEMO_FONT_URL, { as: 'font', type: 'font/woff2', crossOrigin: 'anonymous' });
  preload(`/demo/${hero!.name}-960.avif`, {
    as: 'image',
    imageSrcSet: srcSet(hero!.name, 'avif'),
    imageSizes: '(max-width: 72rem) 100vw, 72rem',
    type: 'image/avif',
    fetchPriority: 'high',
  });
  prefetchDNS(SHOP_ORIGIN);
  preconnect(SHOP_ORIGIN, { crossOrigin: 'anonymous' });

  return (
    <div className="demo">
      <ResponsiveImage image={hero!} sizes="(max-width: 72rem) 100vw, 72rem" priority />
      <ul className="demo__techniques">
        <li>
          <strong>Images:</strong> AVIF, then WebP, then JPEG; 480 and 960 px wide with{' '}
          <code>sizes</code>; width and height reserve the space; a 16×9 blurred copy inlined as the
          placeholder; <code>loading=&quot;lazy&quot;</code> below the fold.
        </li>
        <li>
          <strong>Font:</strong> a 4.6 KB WOFF2 subset, preloaded, with{' '}
          <code>font-display: swap</code> so text never waits for it.
        </li>
        <li>
          <strong>Hints:</strong> preload for the font and the hero image (high fetch priority),
          dns-prefetch and preconnect for the shop the buy links open.
        </li>
      </ul>
      <ResourceTimingPanel />
      <h2>Gallery (lazy-loaded)</h2>
      <div className="demo__gallery">
        {gallery.map((image) => (
          <ResponsiveImage key={image.name} image={image} sizes="(max-width: 40rem) 100vw, 36rem" />
        ))}
      </div>
    </div>
  );
}
