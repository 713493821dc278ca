package com.acme.violations;

/** Test data: a bean with a setter and a fluent builder, the two ways fixtures write a slug. */
final class TourPackage {
  private String slug;
  private String name;

  static Builder builder() {
    return new Builder();
  }

  String getSlug() {
    return slug;
  }

  void setSlug(String slug) {
    this.slug = slug;
  }

  String getName() {
    return name;
  }

  void setName(String name) {
    this.name = name;
  }

  static final class Builder {
    private final TourPackage tour = new TourPackage();

    Builder slug(String slug) {
      tour.setSlug(slug);
      return this;
    }

    Builder name(String name) {
      tour.setName(name);
      return this;
    }

    TourPackage build() {
      return tour;
    }
  }
}
