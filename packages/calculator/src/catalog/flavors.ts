import { roundTo } from '../round.ts';
import { freezeRecords, indexById } from './freeze-records.ts';
import { NUTRITION_BASIS_ML } from './model.ts';
import type { Flavor } from './model.ts';

/**
 * Partner shop the affiliate links point at. A reserved `.example` host (RFC 2606) until the
 * affiliate programme's real URLs exist: a made-up real-looking domain could belong to anyone.
 */
const AFFILIATE_SHOP_URL = 'https://shop.taurine.example/drinks';

interface DrinkSpec extends Omit<
  Flavor,
  | 'caffeineMg'
  | 'sugarG'
  | 'kcal'
  | 'priceUsd'
  | 'affiliateUrl'
  | 'containersMl'
  | 'defaultServingMl'
> {
  /** Figures as printed on the label (or the cited source), for `servingMl`. */
  readonly label: {
    readonly servingMl: number;
    readonly caffeineMg: number;
    readonly sugarG: number;
    readonly kcal: number;
  };
  /**
   * Retail pack: size in ml and typical US single-unit price (2024). This is the primary container,
   * the serving the calculator starts from.
   */
  readonly pack: { readonly ml: number; readonly priceUsd: number };
  /** Other container sizes the drink is commonly sold in (US and EU), in ml. */
  readonly otherSizesMl?: readonly number[];
}

/**
 * Keeps the label's own serving in the source so each figure can be checked against the can, and
 * derives the per-250 ml values. Two decimals keep a whole can's figure exact after scaling back
 * (a 473 ml Monster stays 160.0 mg).
 */
function drink({ label, pack, otherSizesMl = [], ...rest }: DrinkSpec): Flavor {
  const toBasis = NUTRITION_BASIS_ML / label.servingMl;
  const others = [...new Set(otherSizesMl)].filter((ml) => ml !== pack.ml).sort((a, b) => a - b);
  return {
    id: rest.id,
    name: rest.name,
    brand: rest.brand,
    category: rest.category,
    caffeineMg: roundTo(label.caffeineMg * toBasis, 2),
    sugarG: roundTo(label.sugarG * toBasis, 2),
    kcal: roundTo(label.kcal * toBasis, 2),
    priceUsd: roundTo((pack.priceUsd * NUTRITION_BASIS_ML) / pack.ml, 2),
    containersMl: Object.freeze([pack.ml, ...others]),
    defaultServingMl: pack.ml,
    active: rest.active,
    affiliateUrl: `${AFFILIATE_SHOP_URL}/${rest.id}?ref=taurine`,
    supplierId: rest.supplierId,
    description: rest.description,
  };
}

/**
 * The drinks the calculator knows, in catalogue order (grouped by brand owner). Caffeine sources:
 * brand nutrition labels, the CSPI "Caffeine Chart", and for generic references FDA "Spilling the
 * beans" (2018) and USDA FoodData Central. Label figures are as recalled from current US/EU labels
 * and may drift with reformulations; the per-250 ml basis makes any correction a one-line change.
 */
export const flavors: readonly Flavor[] = freezeRecords<Flavor>([
  // --- Red Bull GmbH -------------------------------------------------------------------------
  drink({
    id: 'red-bull-original',
    name: 'Red Bull Energy Drink',
    brand: 'Red Bull',
    category: 'classic',
    // Red Bull EU label: 32 mg caffeine, 11 g sugar, 45 kcal per 100 ml.
    label: { servingMl: 100, caffeineMg: 32, sugarG: 11, kcal: 45 },
    pack: { ml: 250, priceUsd: 2.29 },
    otherSizesMl: [355, 473, 591],
    active: true,
    supplierId: 'red-bull-gmbh',
    description:
      'The original Austrian energy drink with taurine, B-group vitamins and sucrose; the 250 ml can set the category standard of 80 mg caffeine.',
  }),
  drink({
    id: 'red-bull-sugarfree',
    name: 'Red Bull Sugarfree',
    brand: 'Red Bull',
    category: 'sugar-free',
    // Red Bull EU label: 32 mg caffeine, 0 g sugar, 3 kcal per 100 ml (aspartame, acesulfame K).
    label: { servingMl: 100, caffeineMg: 32, sugarG: 0, kcal: 3 },
    pack: { ml: 250, priceUsd: 2.29 },
    otherSizesMl: [355, 473],
    active: true,
    supplierId: 'red-bull-gmbh',
    description:
      'Red Bull with the sugar replaced by aspartame and acesulfame K; same caffeine as the original.',
  }),
  drink({
    id: 'red-bull-total-zero',
    name: 'Red Bull Total Zero',
    brand: 'Red Bull',
    category: 'sugar-free',
    // Red Bull label (last US edition): 80 mg caffeine per 250 ml, zero sugar, zero calories.
    label: { servingMl: 250, caffeineMg: 80, sugarG: 0, kcal: 0 },
    pack: { ml: 250, priceUsd: 2.29 },
    active: false,
    supplierId: 'red-bull-gmbh',
    description:
      'Zero-calorie Red Bull variant, discontinued and succeeded by Red Bull Zero; kept for historical calculations.',
  }),

  // --- Monster Beverage ----------------------------------------------------------------------
  drink({
    id: 'monster-energy-original',
    name: 'Monster Energy Original',
    brand: 'Monster Energy',
    category: 'classic',
    // Monster US label, 16 fl oz (473 ml) can: 160 mg caffeine, 54 g sugar, 210 kcal.
    label: { servingMl: 473, caffeineMg: 160, sugarG: 54, kcal: 210 },
    pack: { ml: 473, priceUsd: 2.99 },
    otherSizesMl: [500, 710],
    active: true,
    supplierId: 'monster-beverage',
    description:
      'The green-claw tall can: sweet citrus-style energy blend with taurine, panax ginseng, L-carnitine and B vitamins.',
  }),
  drink({
    id: 'monster-ultra-white',
    name: 'Monster Ultra (White)',
    brand: 'Monster Energy',
    category: 'sugar-free',
    // Monster US label, 16 fl oz (473 ml): 150 mg caffeine, 0 g sugar, 10 kcal.
    label: { servingMl: 473, caffeineMg: 150, sugarG: 0, kcal: 10 },
    pack: { ml: 473, priceUsd: 2.99 },
    otherSizesMl: [500],
    active: true,
    supplierId: 'monster-beverage',
    description:
      'Zero-sugar, light citrus flavour sweetened with erythritol, sucralose and acesulfame K.',
  }),
  drink({
    id: 'java-monster-mean-bean',
    name: 'Java Monster Mean Bean',
    brand: 'Monster Energy',
    category: 'coffee',
    // Monster US label, 15 fl oz (444 ml): 200 mg caffeine, 32 g sugar, 200 kcal.
    label: { servingMl: 444, caffeineMg: 200, sugarG: 32, kcal: 200 },
    pack: { ml: 444, priceUsd: 3.29 },
    active: true,
    supplierId: 'monster-beverage',
    description:
      'Premium coffee and cream with Monster energy blend; sweet vanilla-coffee profile.',
  }),
  drink({
    id: 'monster-rehab-tea-lemonade',
    name: 'Monster Rehab Tea + Lemonade',
    brand: 'Monster Energy',
    category: 'tea',
    // Monster US label, 15.5 fl oz (458 ml): 160 mg caffeine, 6 g sugar, 25 kcal.
    label: { servingMl: 458, caffeineMg: 160, sugarG: 6, kcal: 25 },
    pack: { ml: 458, priceUsd: 2.79 },
    active: true,
    supplierId: 'monster-beverage',
    description:
      'Non-carbonated black tea and lemonade with electrolytes; low sugar, full-size caffeine dose.',
  }),
  drink({
    id: 'bang-black-cherry-vanilla',
    name: 'Bang Black Cherry Vanilla',
    brand: 'Bang Energy',
    category: 'sugar-free',
    // Bang US label, 16 fl oz (473 ml): 300 mg caffeine, 0 g sugar, 0 kcal (CSPI caffeine chart).
    label: { servingMl: 473, caffeineMg: 300, sugarG: 0, kcal: 0 },
    pack: { ml: 473, priceUsd: 2.49 },
    active: true,
    supplierId: 'monster-beverage',
    description:
      'High-caffeine, zero-calorie fitness energy drink with BCAAs and CoQ10; acquired by Monster in 2023.',
  }),
  drink({
    id: 'reign-orange-dreamsicle',
    name: 'Reign Total Body Fuel Orange Dreamsicle',
    brand: 'Reign',
    category: 'sugar-free',
    // Reign US label, 16 fl oz (473 ml): 300 mg caffeine, 0 g sugar, 10 kcal.
    label: { servingMl: 473, caffeineMg: 300, sugarG: 0, kcal: 10 },
    pack: { ml: 473, priceUsd: 2.49 },
    active: true,
    supplierId: 'monster-beverage',
    description:
      'Performance energy drink with BCAAs, CoQ10 and electrolytes; creamy orange flavour, no sugar.',
  }),
  drink({
    id: 'nos-original',
    name: 'NOS Energy Original',
    brand: 'NOS',
    category: 'classic',
    // NOS US label, 16 fl oz (473 ml): 160 mg caffeine, 53 g sugar, 210 kcal (CSPI caffeine chart).
    label: { servingMl: 473, caffeineMg: 160, sugarG: 53, kcal: 210 },
    pack: { ml: 473, priceUsd: 2.49 },
    otherSizesMl: [650],
    active: true,
    supplierId: 'monster-beverage',
    description: 'Motorsport-branded high-octane citrus energy drink in a blue can.',
  }),
  drink({
    id: 'full-throttle-original',
    name: 'Full Throttle Original Citrus',
    brand: 'Full Throttle',
    category: 'classic',
    // Full Throttle US label, 16 fl oz (473 ml): 160 mg caffeine, 58 g sugar, 220 kcal.
    label: { servingMl: 473, caffeineMg: 160, sugarG: 58, kcal: 220 },
    pack: { ml: 473, priceUsd: 2.29 },
    active: true,
    supplierId: 'monster-beverage',
    description: 'Sweet citrus energy drink with a blue-collar image; part of Monster since 2015.',
  }),

  // --- PepsiCo -------------------------------------------------------------------------------
  drink({
    id: 'rockstar-original',
    name: 'Rockstar Original',
    brand: 'Rockstar',
    category: 'classic',
    // Rockstar US label, 16 fl oz (473 ml): 160 mg caffeine, 63 g sugar, 250 kcal.
    label: { servingMl: 473, caffeineMg: 160, sugarG: 63, kcal: 250 },
    pack: { ml: 473, priceUsd: 2.79 },
    otherSizesMl: [500, 710],
    active: true,
    supplierId: 'pepsico',
    description:
      'Big-can energy drink with guarana, ginseng and milk thistle; among the sweetest in the range.',
  }),
  drink({
    id: 'rockstar-pure-zero-silver-ice',
    name: 'Rockstar Pure Zero Silver Ice',
    brand: 'Rockstar',
    category: 'sugar-free',
    // Rockstar US label, 16 fl oz (473 ml): 240 mg caffeine, 0 g sugar, 10 kcal.
    label: { servingMl: 473, caffeineMg: 240, sugarG: 0, kcal: 10 },
    pack: { ml: 473, priceUsd: 2.79 },
    otherSizesMl: [500],
    active: true,
    supplierId: 'pepsico',
    description: 'Sugar-free Rockstar with a crisp citrus-mint profile and a high caffeine dose.',
  }),
  drink({
    id: 'amp-energy-original',
    name: 'AMP Energy Original',
    brand: 'AMP',
    category: 'classic',
    // CSPI caffeine chart: AMP 16 fl oz (473 ml) 142 mg; label 58 g sugar, 220 kcal.
    label: { servingMl: 473, caffeineMg: 142, sugarG: 58, kcal: 220 },
    pack: { ml: 473, priceUsd: 2.29 },
    active: false,
    supplierId: 'pepsico',
    description:
      'Citrus energy drink spun off Mountain Dew; discontinued in the US in favour of Mtn Dew AMP Game Fuel.',
  }),
  drink({
    id: 'mtn-dew-kickstart-orange-citrus',
    name: 'Mtn Dew Kickstart Orange Citrus',
    brand: 'Mountain Dew',
    category: 'classic',
    // Mtn Dew Kickstart US label, 16 fl oz (473 ml): 92 mg caffeine, 20 g sugar, 80 kcal.
    label: { servingMl: 473, caffeineMg: 92, sugarG: 20, kcal: 80 },
    pack: { ml: 473, priceUsd: 1.99 },
    otherSizesMl: [355],
    active: false,
    supplierId: 'pepsico',
    description:
      'Juice-and-caffeine morning soda, rebranded Mtn Dew Energy in 2022; kept for historical calculations.',
  }),
  drink({
    id: 'gatorade-lemon-lime',
    name: 'Gatorade Thirst Quencher Lemon-Lime',
    brand: 'Gatorade',
    category: 'sports',
    // Gatorade US label, 20 fl oz (591 ml): no caffeine, 34 g sugar, 140 kcal; matches USDA FDC.
    label: { servingMl: 591, caffeineMg: 0, sugarG: 34, kcal: 140 },
    pack: { ml: 591, priceUsd: 2.29 },
    otherSizesMl: [355, 828, 946],
    active: true,
    supplierId: 'pepsico',
    description:
      'Caffeine-free electrolyte sports drink with sucrose and dextrose for rehydration during exercise.',
  }),
  drink({
    id: 'gatorade-fast-twitch-cool-blue',
    name: 'Gatorade Fast Twitch Cool Blue',
    brand: 'Gatorade',
    category: 'sports',
    // Gatorade Fast Twitch US label, 12 fl oz (355 ml): 200 mg caffeine, 0 g sugar, 10 kcal.
    label: { servingMl: 355, caffeineMg: 200, sugarG: 0, kcal: 10 },
    pack: { ml: 355, priceUsd: 2.99 },
    active: true,
    supplierId: 'pepsico',
    description: 'Pre-workout style sports drink: caffeine and electrolytes, zero sugar.',
  }),
  drink({
    id: 'pure-leaf-unsweetened-black-tea',
    name: 'Pure Leaf Unsweetened Black Tea',
    brand: 'Pure Leaf',
    category: 'tea',
    // Pure Leaf US label, 18.5 fl oz (547 ml): 60 mg caffeine, 0 g sugar, 0 kcal; in FDA "Spilling
    // the beans" range for black tea (30-50 mg per 8 fl oz).
    label: { servingMl: 547, caffeineMg: 60, sugarG: 0, kcal: 0 },
    pack: { ml: 547, priceUsd: 2.29 },
    active: true,
    supplierId: 'pepsico',
    description:
      'Brewed black tea, bottled without sugar; the low-caffeine, zero-calorie baseline.',
  }),

  // --- The Coca-Cola Company -----------------------------------------------------------------
  drink({
    id: 'coca-cola-energy',
    name: 'Coca-Cola Energy',
    brand: 'Coca-Cola',
    category: 'classic',
    // Coca-Cola Energy US label, 12 fl oz (355 ml): 114 mg caffeine, 39 g sugar, 140 kcal.
    label: { servingMl: 355, caffeineMg: 114, sugarG: 39, kcal: 140 },
    pack: { ml: 355, priceUsd: 1.99 },
    otherSizesMl: [250],
    active: false,
    supplierId: 'coca-cola-company',
    description:
      'Cola-flavoured energy drink with guarana extract; withdrawn from the US market in 2021.',
  }),
  drink({
    id: 'powerade-mountain-berry-blast',
    name: 'Powerade Mountain Berry Blast',
    brand: 'Powerade',
    category: 'sports',
    // Powerade US label, 20 fl oz (591 ml): no caffeine, 34 g sugar, 130 kcal.
    label: { servingMl: 591, caffeineMg: 0, sugarG: 34, kcal: 130 },
    pack: { ml: 591, priceUsd: 1.99 },
    otherSizesMl: [355, 828, 946],
    active: true,
    supplierId: 'coca-cola-company',
    description: 'Caffeine-free sports drink with electrolytes and B vitamins; blue berry flavour.',
  }),

  // --- Other energy brands -------------------------------------------------------------------
  drink({
    id: 'celsius-sparkling-orange',
    name: 'Celsius Sparkling Orange',
    brand: 'Celsius',
    category: 'sugar-free',
    // Celsius US label, 12 fl oz (355 ml): 200 mg caffeine, 0 g sugar, 10 kcal.
    label: { servingMl: 355, caffeineMg: 200, sugarG: 0, kcal: 10 },
    pack: { ml: 355, priceUsd: 2.49 },
    active: true,
    supplierId: 'celsius-holdings',
    description:
      'Fitness energy drink with green tea extract, guarana and ginger; sweetened with sucralose.',
  }),
  drink({
    id: 'prime-energy-tropical-punch',
    name: 'Prime Energy Tropical Punch',
    brand: 'Prime',
    category: 'sugar-free',
    // Prime Energy US label, 12 fl oz (355 ml): 200 mg caffeine, 0 g sugar, 10 kcal.
    label: { servingMl: 355, caffeineMg: 200, sugarG: 0, kcal: 10 },
    pack: { ml: 355, priceUsd: 2.99 },
    active: true,
    supplierId: 'congo-brands',
    description:
      'Influencer-launched zero-sugar energy drink with electrolytes; not recommended for under-18s.',
  }),
  drink({
    id: 'prime-hydration-tropical-punch',
    name: 'Prime Hydration Tropical Punch',
    brand: 'Prime',
    category: 'sports',
    // Prime Hydration US label, 16.9 fl oz (500 ml): no caffeine, 2 g sugar, 25 kcal.
    label: { servingMl: 500, caffeineMg: 0, sugarG: 2, kcal: 25 },
    pack: { ml: 500, priceUsd: 2.49 },
    active: true,
    supplierId: 'congo-brands',
    description:
      'Caffeine-free hydration drink with 10 % coconut water, electrolytes and BCAAs; the caffeine-free Prime.',
  }),
  drink({
    id: 'alani-nu-cosmic-stardust',
    name: 'Alani Nu Cosmic Stardust',
    brand: 'Alani Nu',
    category: 'sugar-free',
    // Alani Nu US label, 12 fl oz (355 ml): 200 mg caffeine, 0 g sugar, 10 kcal.
    label: { servingMl: 355, caffeineMg: 200, sugarG: 0, kcal: 10 },
    pack: { ml: 355, priceUsd: 2.49 },
    active: true,
    supplierId: 'congo-brands',
    description: 'Zero-sugar energy drink with biotin and L-theanine; sweet berry-grape flavour.',
  }),
  drink({
    id: 'ghost-energy-sour-patch-redberry',
    name: 'GHOST Energy Sour Patch Kids Redberry',
    brand: 'GHOST',
    category: 'sugar-free',
    // GHOST US label, 16 fl oz (473 ml): 200 mg caffeine (natural), 0 g sugar, 5 kcal.
    label: { servingMl: 473, caffeineMg: 200, sugarG: 0, kcal: 5 },
    pack: { ml: 473, priceUsd: 2.79 },
    active: true,
    supplierId: 'ghost-lifestyle',
    description:
      'Candy-licensed zero-sugar energy drink with L-carnitine, taurine and natural caffeine.',
  }),
  drink({
    id: 'c4-energy-frozen-bombsicle',
    name: 'C4 Energy Frozen Bombsicle',
    brand: 'C4',
    category: 'sugar-free',
    // C4 Energy US label, 16 fl oz (473 ml): 200 mg caffeine, 0 g sugar, 0 kcal.
    label: { servingMl: 473, caffeineMg: 200, sugarG: 0, kcal: 0 },
    pack: { ml: 473, priceUsd: 2.49 },
    active: true,
    supplierId: 'nutrabolt',
    description:
      'Pre-workout brand in a can: beta-alanine and CarnoSyn with cherry-lime-raspberry flavour.',
  }),
  drink({
    id: 'nocco-bcaa-caribbean',
    name: 'NOCCO BCAA Caribbean',
    brand: 'NOCCO',
    category: 'sugar-free',
    // NOCCO EU label, 330 ml can: 180 mg caffeine, 0 g sugar, 15 kcal.
    label: { servingMl: 330, caffeineMg: 180, sugarG: 0, kcal: 15 },
    pack: { ml: 330, priceUsd: 2.99 },
    active: true,
    supplierId: 'vitamin-well',
    description: 'Swedish functional energy drink with BCAAs and vitamins; pineapple and coconut.',
  }),
  drink({
    id: 'five-hour-energy-original',
    name: '5-hour ENERGY Original Berry',
    brand: '5-hour ENERGY',
    category: 'shot',
    // CSPI caffeine chart / brand site: 200 mg caffeine per 1.93 fl oz (57 ml) shot, 4 kcal.
    label: { servingMl: 57, caffeineMg: 200, sugarG: 0, kcal: 4 },
    pack: { ml: 57, priceUsd: 3.49 },
    active: true,
    supplierId: 'living-essentials',
    description:
      'Two-ounce energy shot with B vitamins and amino acids; per 250 ml it is the most concentrated drink here.',
  }),
  drink({
    id: 'five-hour-energy-extra-strength',
    name: '5-hour ENERGY Extra Strength Berry',
    brand: '5-hour ENERGY',
    category: 'shot',
    // CSPI caffeine chart: 230 mg caffeine per 1.93 fl oz (57 ml) shot; label 4 kcal, no sugar.
    label: { servingMl: 57, caffeineMg: 230, sugarG: 0, kcal: 4 },
    pack: { ml: 57, priceUsd: 3.79 },
    active: true,
    supplierId: 'living-essentials',
    description:
      'The stronger 5-hour shot; one bottle is more than an EFSA single dose of caffeine.',
  }),
  drink({
    id: 'five-hour-energy-decaf',
    name: '5-hour ENERGY Decaf Orange',
    brand: '5-hour ENERGY',
    category: 'shot',
    // Brand site: about 6 mg caffeine per 57 ml shot ("as much as a cup of decaf coffee").
    label: { servingMl: 57, caffeineMg: 6, sugarG: 0, kcal: 4 },
    pack: { ml: 57, priceUsd: 3.49 },
    active: true,
    supplierId: 'living-essentials',
    description:
      'The decaffeinated shot: B vitamins and amino acids with only a trace of caffeine.',
  }),

  // --- Natural: yerba mate, guarana, guayusa ------------------------------------------------
  drink({
    id: 'guayaki-revel-berry',
    name: 'Guayakí Yerba Mate Revel Berry',
    brand: 'Guayakí',
    category: 'natural',
    // Guayakí US label, 15.5 fl oz (458 ml) can: 150 mg caffeine from yerba mate, 28 g sugar,
    // 120 kcal.
    label: { servingMl: 458, caffeineMg: 150, sugarG: 28, kcal: 120 },
    pack: { ml: 458, priceUsd: 2.99 },
    active: true,
    supplierId: 'guayaki',
    description:
      'Organic sparkling yerba mate with cane sugar and berry flavours; caffeine comes only from the leaf.',
  }),
  drink({
    id: 'club-mate-original',
    name: 'Club-Mate Original',
    brand: 'Club-Mate',
    category: 'natural',
    // Club-Mate DE label: 20 mg caffeine, 5 g sugar, 20 kcal per 100 ml.
    label: { servingMl: 100, caffeineMg: 20, sugarG: 5, kcal: 20 },
    pack: { ml: 500, priceUsd: 2.99 },
    otherSizesMl: [330],
    active: true,
    supplierId: 'brauerei-loscher',
    description:
      'Lightly sweet carbonated mate from Franconia, the fuel of hacker conferences since the 1990s.',
  }),
  drink({
    id: 'guru-organic-energy-original',
    name: 'GURU Organic Energy Original',
    brand: 'GURU',
    category: 'natural',
    // GURU CA label, 355 ml can: 140 mg caffeine from guarana and green tea, 21 g sugar, 100 kcal.
    label: { servingMl: 355, caffeineMg: 140, sugarG: 21, kcal: 100 },
    pack: { ml: 355, priceUsd: 2.99 },
    otherSizesMl: [250],
    active: true,
    supplierId: 'guru-beverage',
    description:
      'Canadian organic energy drink with guarana, green tea and ginseng; no synthetic caffeine or taurine.',
  }),
  drink({
    id: 'runa-clean-energy-berry',
    name: 'Runa Clean Energy Berry',
    brand: 'Runa',
    category: 'natural',
    // Runa label, 12 fl oz (355 ml): 150 mg caffeine from guayusa, 5 g sugar, 25 kcal.
    label: { servingMl: 355, caffeineMg: 150, sugarG: 5, kcal: 25 },
    pack: { ml: 355, priceUsd: 2.49 },
    active: false,
    supplierId: 'runa',
    description:
      'Guayusa-based sparkling energy drink from Ecuadorian leaf; discontinued, kept for historical calculations.',
  }),

  // --- Coffee --------------------------------------------------------------------------------
  drink({
    id: 'starbucks-doubleshot-espresso',
    name: 'Starbucks Doubleshot Espresso & Cream',
    brand: 'Starbucks',
    category: 'coffee',
    // Starbucks US label, 6.5 fl oz (192 ml) can: 120 mg caffeine, 18 g sugar, 140 kcal.
    label: { servingMl: 192, caffeineMg: 120, sugarG: 18, kcal: 140 },
    pack: { ml: 192, priceUsd: 2.99 },
    active: true,
    supplierId: 'starbucks',
    description: 'Small can of espresso with cream and sugar; strong per millilitre.',
  }),
  drink({
    id: 'starbucks-cold-brew-black',
    name: 'Starbucks Cold Brew Black Unsweetened',
    brand: 'Starbucks',
    category: 'coffee',
    // Starbucks US label, 11 fl oz (325 ml) bottle: 205 mg caffeine, 0 g sugar, 5 kcal. FDA
    // "Spilling the beans": coffee 80-100 mg per 8 fl oz; cold brew sits above that.
    label: { servingMl: 325, caffeineMg: 205, sugarG: 0, kcal: 5 },
    pack: { ml: 325, priceUsd: 3.49 },
    active: true,
    supplierId: 'starbucks',
    description: 'Slow-steeped black cold brew without sugar or milk; smooth, low-acid and strong.',
  }),
  drink({
    id: 'la-colombe-draft-latte',
    name: 'La Colombe Draft Latte Original',
    brand: 'La Colombe',
    category: 'coffee',
    // La Colombe US label, 9 fl oz (266 ml) can: 120 mg caffeine, 9 g sugar (milk), 120 kcal.
    label: { servingMl: 266, caffeineMg: 120, sugarG: 9, kcal: 120 },
    pack: { ml: 266, priceUsd: 3.49 },
    active: true,
    supplierId: 'la-colombe',
    description:
      'Nitrous-frothed cold-pressed espresso with milk; the foam comes from the can, no added sugar.',
  }),

  // --- Tea -----------------------------------------------------------------------------------
  drink({
    id: 'arizona-green-tea-ginseng-honey',
    name: 'AriZona Green Tea with Ginseng and Honey',
    brand: 'AriZona',
    category: 'tea',
    // AriZona US label, per 8 fl oz (237 ml): 15 mg caffeine, 17 g sugar, 70 kcal; sold in the
    // 23 fl oz (680 ml) "99 cent" can.
    label: { servingMl: 237, caffeineMg: 15, sugarG: 17, kcal: 70 },
    pack: { ml: 680, priceUsd: 0.99 },
    otherSizesMl: [500],
    active: true,
    supplierId: 'hornell-brewing',
    description: 'Big-can sweet green tea with honey and ginseng; very little caffeine, cheap.',
  }),
  drink({
    id: 'ito-en-matcha-love-unsweetened',
    name: 'ITO EN Matcha Love Unsweetened',
    brand: 'ITO EN',
    category: 'tea',
    // ITO EN label, 5.2 fl oz (154 ml) can: 80 mg caffeine, 0 g sugar, 0 kcal. USDA FDC lists
    // brewed green tea at 12 mg/100 g; matcha suspends the whole leaf, hence the higher figure.
    label: { servingMl: 154, caffeineMg: 80, sugarG: 0, kcal: 0 },
    pack: { ml: 154, priceUsd: 2.49 },
    active: true,
    supplierId: 'ito-en',
    description:
      'Stone-ground Japanese matcha in water, unsweetened; caffeine with naturally occurring L-theanine.',
  }),
]);

const flavorsById = indexById(flavors);

/** The flavour with this id, or `undefined`. Safe for any string, including `__proto__`. */
export function flavorById(id: string): Flavor | undefined {
  return flavorsById.get(id);
}
