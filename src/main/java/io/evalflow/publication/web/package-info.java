/**
 * The public results screens and the results JSON API.
 */
package io.evalflow.publication.web;
