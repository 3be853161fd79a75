Hello, ${who}, from ${brand.name}.
