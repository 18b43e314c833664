// The map beside the list: the family's place, the hosts of the list that have an address
// (numbered as in the list), the distance chosen in the filter, over the countries of Natural
// Earth. It is an enhancement: everything it shows is in the list, so it is one image for
// screen readers (its caption and summary say what it shows) and has no keyboard stop; a
// click on a marker opens the host's page, as the list's button does.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { geoCircle, geoPath } from 'd3-geo';
import type { HostSuggestion, Place } from '../../../src/contract/index.ts';
import { MARKER_RADIUS, kmToDegrees, layoutMap, placeFamilyLabel } from './map-layout.ts';
import { loadWorldShapes } from './world-shapes.ts';
import './host-map.css';
import type { WorldShapes } from './world-shapes.ts';

export interface NumberedHost {
  number: number;
  host: HostSuggestion;
}

function useWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry !== undefined) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, []);
  return [ref, width];
}

function useWorldShapes(): { shapes: WorldShapes | undefined; failed: boolean } {
  const [state, setState] = useState<{ shapes: WorldShapes | undefined; failed: boolean }>({
    shapes: undefined,
    failed: false,
  });
  useEffect(() => {
    let live = true;
    loadWorldShapes().then(
      (shapes) => {
        if (live) setState({ shapes, failed: false });
      },
      () => {
        if (live) setState({ shapes: undefined, failed: true });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

/** The width of the place's name as drawn (bold, 0.8 rem, with its white halo), in pixels. */
function labelWidth(text: string): number {
  const context = document.createElement('canvas').getContext('2d');
  const root = getComputedStyle(document.documentElement);
  const size = 0.8 * (Number.parseFloat(root.fontSize) || 16);
  if (context === null) return text.length * size * 0.7;
  context.font = `700 ${size}px ${root.fontFamily}`;
  return context.measureText(text).width + 6;
}

/** A small house: the family's place. */
const house = (x: number, y: number): string => {
  const s = 11;
  return `M${x - s},${y - 1} L${x},${y - s - 2} L${x + s},${y - 1} L${x + s - 3},${y - 1} L${x + s - 3},${y + s - 2} L${x - s + 3},${y + s - 2} L${x - s + 3},${y - 1} Z`;
};

export function HostMap(props: {
  place: Place;
  hosts: readonly NumberedHost[];
  /** Hosts of the list with no address: counted in the summary. */
  unplaced: number;
  maxKm: number | null;
  onOpen: (hostId: string) => void;
}) {
  const { place, hosts, unplaced, maxKm, onOpen } = props;
  const { t, i18n } = useTranslation();
  const [container, width] = useWidth();
  const { shapes, failed } = useWorldShapes();
  const height = Math.round(Math.min(540, Math.max(280, width * 0.95)));

  const layout = useMemo(() => {
    if (width === 0) return undefined;
    const located = hosts.flatMap(({ number, host }) =>
      host.location === null
        ? []
        : [{ id: host.id, number, lat: host.location.lat, lon: host.location.lon }],
    );
    return layoutMap({ width, height }, place, located, maxKm);
  }, [width, height, hosts, place, maxKm]);

  const drawn = useMemo(() => {
    if (layout === undefined) return undefined;
    const path = geoPath(layout.projection);
    return {
      land: shapes === undefined ? '' : (path(shapes.land) ?? ''),
      borders: shapes === undefined ? '' : (path(shapes.borders) ?? ''),
      coasts: shapes === undefined ? '' : (path(shapes.coasts) ?? ''),
      circle:
        maxKm === null
          ? ''
          : (path(
              geoCircle().center([place.lon, place.lat]).radius(kmToDegrees(maxKm)).precision(2)(),
            ) ?? ''),
    };
  }, [layout, shapes, maxKm, place]);

  const label =
    layout === undefined
      ? undefined
      : placeFamilyLabel(layout.family, layout.placed, labelWidth(place.name), { width, height });
  const byId = new Map(hosts.map((entry) => [entry.host.id, entry.host]));
  const km = (value: number): string =>
    new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 }).format(value);
  const onMap = layout?.placed.length ?? 0;
  const offMap = layout?.offMap.length ?? 0;

  return (
    <figure className="host-map" aria-busy={shapes === undefined && !failed}>
      <div ref={container} className="host-map-canvas">
        {layout === undefined || drawn === undefined || label === undefined ? null : (
          <svg
            width={width}
            height={height}
            viewBox={`0 0 ${width} ${height}`}
            role="img"
            aria-labelledby="host-map-caption host-map-summary"
          >
            <rect className="sea" width={width} height={height} />
            <path className="land" d={drawn.land} />
            <path className="coasts" d={drawn.coasts} />
            <path className="borders" d={drawn.borders} />
            {drawn.circle === '' ? null : <path className="reach" d={drawn.circle} />}
            {layout.placed
              .filter((host) => host.moved)
              .map((host) => (
                <g key={`leader-${host.id}`} className="leader">
                  <line x1={host.x} y1={host.y} x2={host.markerX} y2={host.markerY} />
                  <circle cx={host.x} cy={host.y} r={2.5} />
                </g>
              ))}
            <g className="family">
              <title>{t('home.map.familyTitle', { place: place.label })}</title>
              <path d={house(layout.family.x, layout.family.y)} />
              <text x={label.x} y={label.y} textAnchor={label.anchor}>
                {place.name}
              </text>
            </g>
            {[...layout.placed].reverse().map((placed) => {
              const host = byId.get(placed.id);
              if (host === undefined) return null;
              return (
                <g
                  key={placed.id}
                  className={`marker tier-${host.tier}`}
                  onClick={() => {
                    onOpen(host.id);
                  }}
                >
                  <title>
                    {host.distanceKm === null
                      ? t('home.map.hostTitle', { number: placed.number, name: host.name })
                      : t('home.map.hostTitleKm', {
                          number: placed.number,
                          name: host.name,
                          km: km(host.distanceKm),
                        })}
                  </title>
                  <circle cx={placed.markerX} cy={placed.markerY} r={MARKER_RADIUS} />
                  <text x={placed.markerX} y={placed.markerY} dy="0.35em" textAnchor="middle">
                    {placed.number}
                  </text>
                </g>
              );
            })}
            <g className="scale" aria-hidden="true">
              <line x1={12} y1={height - 14} x2={12 + layout.scale.px} y2={height - 14} />
              <line x1={12} y1={height - 19} x2={12} y2={height - 9} />
              <line
                x1={12 + layout.scale.px}
                y1={height - 19}
                x2={12 + layout.scale.px}
                y2={height - 9}
              />
              <text x={12 + layout.scale.px / 2} y={height - 22} textAnchor="middle">
                {t('home.map.scale', { km: km(layout.scale.km) })}
              </text>
            </g>
          </svg>
        )}
      </div>
      <figcaption id="host-map-caption">{t('home.map.caption', { place: place.label })}</figcaption>
      <p id="host-map-summary" className="hint">
        {[
          t('home.map.onMap', { count: onMap }),
          offMap === 0 ? '' : t('home.map.offMap', { count: offMap }),
          unplaced === 0 ? '' : t('home.map.unplaced', { count: unplaced }),
        ]
          .filter(Boolean)
          .join(' ')}
      </p>
      <ul className="legend">
        <li>
          <LegendIcon kind="family" />
          {t('home.map.legend.family')}
        </li>
        <li>
          <LegendIcon kind="suitable" />
          {t('home.map.legend.suitable')}
        </li>
        <li>
          <LegendIcon kind="partial" />
          {t('home.map.legend.partial')}
        </li>
        <li>
          <LegendIcon kind="to-check" />
          {t('home.map.legend.toCheck')}
        </li>
        <li>
          <LegendIcon kind="closed" />
          {t('home.map.legend.closed')}
        </li>
        {maxKm === null ? null : (
          <li>
            <LegendIcon kind="reach" />
            {t('home.map.legend.reach', { km: km(maxKm) })}
          </li>
        )}
      </ul>
      {failed ? <p className="hint">{t('home.map.noBackground')}</p> : null}
      <p className="map-credit">{t('home.map.credit')}</p>
    </figure>
  );
}

function LegendIcon(props: {
  kind: 'family' | 'suitable' | 'partial' | 'to-check' | 'closed' | 'reach';
}) {
  const { kind } = props;
  return (
    <svg className="legend-icon" width="26" height="26" viewBox="0 0 26 26" aria-hidden="true">
      {kind === 'family' ? (
        <g className="family">
          <path d={house(13, 14)} />
        </g>
      ) : kind === 'reach' ? (
        <circle className="reach" cx={13} cy={13} r={10} />
      ) : (
        <g className={`marker tier-${kind}`}>
          <circle cx={13} cy={13} r={10} />
        </g>
      )}
    </svg>
  );
}
