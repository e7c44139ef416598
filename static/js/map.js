/* Maps. A box with [data-map] (templates/includes/_map.html) becomes a Leaflet map when it
   comes near the viewport: the libraries load then, not with the page. Its points come from a
   GeoJSON address (data-points: the map's, the lists' and their filters) or one coordinate
   pair (data-point: a detail page). Country outlines come from the vendored Natural Earth
   TopoJSON, so the map needs no tile server; tiles are drawn only when the site sets one.
   Markers and groups are buttons (Tab, Enter); a popup takes the focus to its link. Text from
   the data goes in with textContent: no HTML is built from it. */
(function () {
  "use strict";
  if (window.scoMaps) return; // the include may appear twice on a page
  window.scoMaps = true;

  var SCO_BOUNDS = [[5, 25], [72, 145]];
  var loading = null;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function loadStyle(href) {
    return new Promise(function (resolve, reject) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      link.onload = resolve;
      link.onerror = reject;
      document.head.appendChild(link);
    });
  }

  function libraries(box) {
    if (!loading) {
      var styles = Promise.all(box.dataset.styles.split(" ").map(loadStyle));
      // In order: the cluster plugin extends Leaflet.
      var scripts = box.dataset.scripts.split(" ").reduce(function (previous, src) {
        return previous.then(function () { return loadScript(src); });
      }, Promise.resolve());
      loading = Promise.all([styles, scripts]);
    }
    return loading;
  }

  function json(url) {
    return fetch(url, { headers: { Accept: "application/geo+json, application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      });
  }

  // A div icon with an accessible name (Leaflet makes it a focusable button).
  function namedIcon(L) {
    return L.DivIcon.extend({
      createIcon: function (old) {
        var icon = L.DivIcon.prototype.createIcon.call(this, old);
        icon.setAttribute("aria-label", this.options.label);
        return icon;
      }
    });
  }

  var ANTARCTICA = "010";

  // Natural Earth's rings that cross the 180th meridian (Chukotka, Fiji) jump from +180 to
  // -180, which a flat map draws as a line across the world: go on past 180 instead.
  function unwrapRing(ring) {
    for (var i = 1; i < ring.length; i++) {
      var step = ring[i][0] - ring[i - 1][0];
      if (step > 180) ring[i][0] -= 360 * Math.round(step / 360);
      else if (step < -180) ring[i][0] += 360 * Math.round(-step / 360);
    }
  }

  function unwrapFeature(feature) {
    var geometry = feature.geometry;
    if (!geometry) return;
    var polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    polygons.forEach(function (polygon) { polygon.forEach(unwrapRing); });
  }

  // Points near the 180th meridian (Wrangel Island) go on the side of the others, so that
  // the map frames them together rather than the whole world.
  function nearTheOthers(longitudes) {
    if (!longitudes.length) return longitudes;
    var centre = longitudes.reduce(function (a, b) { return a + b; }, 0) / longitudes.length;
    return longitudes.map(function (lon) {
      while (lon < centre - 180) lon += 360;
      while (lon >= centre + 180) lon -= 360;
      return lon;
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function popup(labels, properties) {
    var content = element("div", "map-popup");
    content.appendChild(element("p", "map-popup__kind", labels.kinds[properties.kind] || ""));
    var title = element("p", "map-popup__title");
    if (properties.url) {
      var link = element("a", "map-popup__link", properties.title);
      link.href = properties.url;
      title.appendChild(link);
    } else {
      title.textContent = properties.title;
    }
    content.appendChild(title);
    if (properties.place) content.appendChild(element("p", "map-popup__place", properties.place));
    return content;
  }

  function marker(L, Icon, labels, latlng, properties) {
    var icon = new Icon({
      className: "map-pin map-pin--" + properties.kind,
      html: element("span", "map-pin__dot"),
      iconSize: [22, 22],
      popupAnchor: [0, -8],
      label: properties.title
    });
    var point = L.marker(latlng, { icon: icon, keyboard: true, title: properties.title });
    point.bindPopup(popup(labels, properties));
    point.on("popupclose", function (event) {
      // Back to the marker the popup came from, unless the visitor moved on elsewhere (the
      // popup fades out: its link may still hold the focus).
      var icon = point.getElement();
      var focus = document.activeElement;
      var popupRoot = event.popup.getElement();
      var inPopup = popupRoot && popupRoot.contains(focus);
      if (icon && (!focus || focus === document.body || inPopup)) icon.focus();
    });
    return point;
  }

  function clusterIcon(L, Icon, labels) {
    return function (cluster) {
      var count = cluster.getChildCount();
      var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
      var inner = element("div");
      inner.appendChild(element("span", "", String(count)));
      return new Icon({
        className: "marker-cluster marker-cluster-" + size,
        html: inner,
        iconSize: [40, 40],
        label: labels.group.replace("%(count)s", count)
      });
    };
  }

  function build(box) {
    var L = window.L;
    var labels = JSON.parse(box.dataset.labels);
    var tiles = box.dataset.tiles;
    var map = (box.scoMap = L.map(box, {
      zoomControl: false,
      minZoom: 1,
      // The outlines are coarse (1:110m): closer zooms only serve to part nearby points.
      maxZoom: tiles ? 18 : 12,
      worldCopyJump: true
    }));
    L.control.zoom({ zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut }).addTo(map);
    map.attributionControl.addAttribution(labels.outlines);
    map.fitBounds(SCO_BOUNDS, { animate: false });
    if (tiles) L.tileLayer(tiles, { attribution: box.dataset.attribution || "" }).addTo(map);

    var outlines = json(box.dataset.outlines).then(function (topology) {
      var countries = window.topojson.feature(topology, topology.objects.countries);
      countries.features = countries.features.filter(function (country) {
        return country.id !== ANTARCTICA; // a ring around the pole: no use here, and it streaks
      });
      countries.features.forEach(unwrapFeature);
      L.geoJSON(countries, {
        interactive: false,
        style: { color: "#8796aa", weight: 0.7, fillColor: "#fbfaf6", fillOpacity: tiles ? 0 : 1 }
      }).addTo(map).bringToBack();
    });

    map.on("popupopen", function (event) {
      var root = event.popup.getElement();
      var close = root.querySelector(".leaflet-popup-close-button");
      if (close) close.setAttribute("aria-label", labels.close);
      var link = root.querySelector(".map-popup__link");
      if (link) link.focus();
      // Leaflet hears Escape only while the map itself has the focus, not its popup's link.
      root.addEventListener("keydown", function (key) {
        if (key.key === "Escape") map.closePopup();
      });
    });

    var Icon = namedIcon(L);
    var drawn;
    if (box.dataset.route) {
      drawn = route(L, Icon, labels, map, box);
    } else if (box.dataset.point) {
      var latlng = box.dataset.point.split(",").map(Number);
      marker(L, Icon, labels, latlng, { kind: box.dataset.kind, title: box.dataset.title }).addTo(map);
      map.setView(latlng, 4, { animate: false });
      drawn = Promise.resolve();
    } else {
      drawn = points(L, Icon, labels, map, box);
    }
    // "Ready" once everything is drawn and still (the browser tests wait for it).
    Promise.all([outlines, drawn]).then(function () {
      box.classList.add("map-box--ready");
    }, function () { failed(box, labels); });
  }

  function points(L, Icon, labels, map, box) {
    var group = L.markerClusterGroup({
      chunkedLoading: true,
      showCoverageOnHover: false,
      maxClusterRadius: 50,
      iconCreateFunction: clusterIcon(L, Icon, labels)
    });
    map.addLayer(group);
    return json(box.dataset.points).then(function (collection) {
      var longitudes = nearTheOthers(collection.features.map(function (feature) {
        return feature.geometry.coordinates[0];
      }));
      var markers = collection.features.map(function (feature, i) {
        var latitude = feature.geometry.coordinates[1];
        return marker(L, Icon, labels, [latitude, longitudes[i]], feature.properties);
      });
      group.addLayers(markers);
      if (markers.length) {
        // From the points themselves: with thousands the group is still adding them.
        var bounds = L.latLngBounds(markers.map(function (point) { return point.getLatLng(); }));
        map.fitBounds(bounds, { maxZoom: 6, padding: [20, 20], animate: false });
      }
      box.dataset.count = markers.length;
    });
  }

  // A route: its stops in order, numbered, joined by straight legs (as its distances are).
  function route(L, Icon, labels, map, box) {
    var stops = JSON.parse(document.getElementById(box.dataset.route).textContent);
    var longitudes = nearTheOthers(stops.map(function (stop) { return stop.lon; }));
    var latlngs = stops.map(function (stop, i) { return [stop.lat, longitudes[i]]; });
    L.polyline(latlngs, {
      className: "map-route-line", color: "#b3421d", weight: 3, opacity: 0.8, interactive: false
    })
      .addTo(map);
    stops.forEach(function (stop, i) {
      marker(L, Icon, labels, latlngs[i], {
        kind: "route",
        title: i + 1 + ". " + stop.name,
        url: stop.url
      }).addTo(map);
    });
    if (latlngs.length) {
      map.fitBounds(L.latLngBounds(latlngs), { maxZoom: 5, padding: [24, 24], animate: false });
    }
    box.dataset.count = stops.length;
    return Promise.resolve();
  }

  function failed(box, labels) {
    box.classList.add("map-box--failed");
    var note = element("p", "map-box__failed", labels.failed);
    note.setAttribute("role", "status");
    box.appendChild(note);
  }

  function start(box) {
    libraries(box).then(function () { build(box); }).catch(function () {
      failed(box, JSON.parse(box.dataset.labels));
    });
  }

  var boxes = Array.prototype.slice.call(document.querySelectorAll("[data-map]"));
  if (!("IntersectionObserver" in window)) {
    boxes.forEach(start);
    return;
  }
  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      observer.unobserve(entry.target);
      start(entry.target);
    });
  }, { rootMargin: "300px" });
  boxes.forEach(function (box) { observer.observe(box); });
})();
