import { useState } from 'react';
import type { DemoImage } from '../utils/demo-images.ts';
import { srcSet } from '../utils/demo-images.ts';

interface ResponsiveImageProps {
  image: DemoImage;
  /** `sizes`: how wide the image is drawn, so the browser picks the right width. */
  sizes: string;
  /** The hero loads at once with high priority; the rest only when scrolled near. */
  priority?: boolean;
}

/**
 * `<picture>` with AVIF, then WebP, then JPEG, each at two widths; the intrinsic size reserves the
 * space (no layout shift) and a blurred 16×9 placeholder shows until the image has decoded.
 */
export function ResponsiveImage({ image, sizes, priority = false }: ResponsiveImageProps) {
  const [loaded, setLoaded] = useState(false);
  return (
    <div
      className={loaded ? 'blur-image is-loaded' : 'blur-image'}
      style={{
        backgroundImage: `url("${image.placeholder}")`,
        aspectRatio: `${image.width} / ${image.height}`,
      }}
    >
      <picture>
        <source type="image/avif" srcSet={srcSet(image.name, 'avif')} sizes={sizes} />
        <source type="image/webp" srcSet={srcSet(image.name, 'webp')} sizes={sizes} />
        <img
          src={`/demo/${image.name}-960.jpg`}
          srcSet={srcSet(image.name, 'jpg')}
          sizes={sizes}
          width={image.width}
          height={image.height}
          alt={image.alt}
          loading={priority ? 'eager' : 'lazy'}
          fetchPriority={priority ? 'high' : 'auto'}
          decoding="async"
          data-testid={`demo-image-${image.name}`}
          onLoad={() => {
            setLoaded(true);
          }}
        />
      </picture>
    </div>
  );
}
